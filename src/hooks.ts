import type { Transport } from '@sveltejs/kit';
import { KEPT_HTML_PLACEHOLDER, KeptHtml } from '$lib/kept-html';
import { ServerRendered } from '$lib/server-rendered';

export const transport: Transport = {
	ServerRendered: {
		encode: (value) => value instanceof ServerRendered && (value.forBrowser ? { value: value.value } : { omitted: true }),
		decode: (encoded: { value?: unknown; omitted?: true }) => {
			if (encoded.omitted) throw new Error('This page’s data was rendered on the server only; a page that uses ServerRendered must set csr = false.');
			return new ServerRendered(encoded.value, true);
		}
	},
	KeptHtml: {
		encode: (value) => value instanceof KeptHtml && (value.forBrowser ? { html: value.html } : { kept: true }),
		decode: (encoded: { html?: string; kept?: true }) => new KeptHtml(encoded.html ?? KEPT_HTML_PLACEHOLDER, true)
	}
};
