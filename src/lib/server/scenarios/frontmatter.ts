/** Splits a Markdown file into its YAML frontmatter and body. Pure: the caller supplies the text. */
import { parse, YAMLError } from 'yaml';

export interface FrontmatterSplit {
	readonly data: unknown;
	readonly body: string;
}

export class FrontmatterError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FrontmatterError';
	}
}

/** Frontmatter must open on the first line with `---` and close with a line of `---`. */
const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function splitFrontmatter(source: string): FrontmatterSplit {
	const match = FRONTMATTER.exec(source);
	if (!match) {
		throw new FrontmatterError('has no frontmatter: the file must start with a line "---", the YAML, then "---"');
	}
	let data: unknown;
	try {
		data = parse(match[1] ?? '');
	} catch (error) {
		const detail = error instanceof YAMLError ? error.message : String(error);
		throw new FrontmatterError(`has frontmatter that is not valid YAML: ${detail}`);
	}
	return { data, body: source.slice(match[0].length).replace(/^(?:\r?\n)+/, '') };
}
