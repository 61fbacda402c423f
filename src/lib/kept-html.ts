/**
 * HTML rendered on the server that hydration keeps, so that it is not serialised into the page a second time as data:
 * the page puts it in with `{@html}` (and `svelte-ignore hydration_html_changed`). SvelteKit would otherwise send it,
 * or the data it is made from, in the page's data script for a hydration that only reproduces it. The `transport` hook
 * (src/hooks.ts) leaves the HTML out of the page and sends it in full when the browser asks for the data itself (a
 * client-side navigation, or `invalidateAll` after a form), where the block is rendered from it as usual.
 */
export class KeptHtml {
	constructor(
		/** The HTML; in the browser, on the page the server rendered, a placeholder that is never shown. */
		readonly html: string,
		/** True when the request is for the data itself, not for the page's HTML. */
		readonly forBrowser: boolean
	) {}
}

/** What the browser holds instead of HTML the page already has: hydration keeps the server's. */
export const KEPT_HTML_PLACEHOLDER = '<!-- kept from the server-rendered page -->';

export function keptHtml(event: { isDataRequest: boolean }, html: string): KeptHtml {
	return new KeptHtml(html, event.isDataRequest);
}
