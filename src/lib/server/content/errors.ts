/** Content that fails its checks. The message names every file and field at fault, one per line. */
export class ContentError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ContentError';
	}
}
