import { browser } from '$app/environment';
import type { Component } from 'svelte';
import { SERVER_RENDERED_BODY } from '$lib/components/module/plain-forms';
import type { PageLoad } from './$types';

// The Markdown is compiled by mdsvex into one component per module, loaded on demand.
const contents = import.meta.glob<{ default: Component }>('/content/modules/*.md');

/** The body's HTML in the browser when the server's is already on the page: never shown, the server's is kept. */
const KEPT = '<!-- the server-rendered module body is kept -->';

export const load: PageLoad = async ({ data }) => {
	const { path, version, slug } = data.module;
	// On the server, the Markdown as HTML (the same for everyone, so cached): the browser then neither downloads the
	// module's component nor hydrates it.
	if (!browser) {
		const { moduleBodyHtml } = await import('$lib/markdown/module-body-html');
		return { ...data, bodyHtml: await moduleBodyHtml(`${path}@${version}`, contents[path]), content: null };
	}
	if (document.querySelector<HTMLElement>(SERVER_RENDERED_BODY)?.dataset.slug === slug) return { ...data, bodyHtml: KEPT, content: null };
	// Reached by navigating in the browser: the module's component.
	return { ...data, bodyHtml: null, content: (await contents[path]()).default };
};
