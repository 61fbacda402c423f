import { render } from 'svelte/server';
import SourceList from '$lib/components/SourceList.svelte';
import { latin1Html } from '$lib/latin1-html';
import { stripHydrationMarkers } from '$lib/markdown/module-body-html';
import type { ModuleDefinition } from './parse';

// A module's sources list is the same for everyone: rendered once per module version and kept with the page's HTML
// ($lib/kept-html.ts), so that the page's data does not carry the sources again for a hydration that only repeats them.
// One entry per module version in the content index, which is fixed for the life of the process: bounded, never stale.
const rendered = new Map<string, string>();

export function moduleSourcesHtml(module: ModuleDefinition): string {
	const key = `${module.slug}@${module.meta.version}`;
	let html = rendered.get(key);
	if (html === undefined) {
		html = latin1Html(stripHydrationMarkers(render(SourceList, { props: { sources: module.meta.sources } }).body));
		rendered.set(key, html);
	}
	return html;
}
