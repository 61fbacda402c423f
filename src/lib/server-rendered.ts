/**
 * Data for a page rendered on the server only (`csr = false`). SvelteKit serialises a page's data into its HTML
 * for hydration even when the page ships no JavaScript; for a whole force's dashboard that was the largest
 * single cost of the page. Wrapped in ServerRendered, the data reaches the server's render as it is and is
 * left out of the HTML (see `transport` in src/hooks.ts). When the browser asks for the data itself (a
 * client-side navigation into the page, which fetches __data.json), it is sent in full.
 */
export class ServerRendered<T> {
	constructor(
		readonly value: T,
		/** True when the request is for the data itself, not for the page's HTML. */
		readonly forBrowser: boolean
	) {}
}

export function serverRendered<T>(event: { isDataRequest: boolean }, value: T): ServerRendered<T> {
	return new ServerRendered(value, event.isDataRequest);
}
