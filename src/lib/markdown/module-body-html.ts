import type { Component } from 'svelte';
import { modulePageContextMap } from '$lib/components/module/context';
import { latin1Html } from '$lib/latin1-html';

// A module's Markdown is the same for every learner: rendered to HTML once per module version, on the server, so the
// browser neither downloads the module's component nor hydrates its thousands of nodes. Only the page's own parts
// (contents, knowledge check, notices) are hydrated; the plain forms inside are enhanced by src/lib/components/module/
// static-body.ts. The learner's own words (saved reflections) are put in per request by personalise-body.ts.
const rendered = new Map<string, string>();

/** Svelte's hydration markers (`<!--[-->`, `<!--]-->`, `<!---->`, `<!--[!-->`, `<!--[-1-->`): nothing hydrates this HTML. */
export function stripHydrationMarkers(html: string): string {
	return html.replace(/<!--(?:\[[-!\d]*|\]|)-->/g, '');
}

/** Server only (it imports svelte/server): the HTML of a module's Markdown, for the module page (not the print view). */
export async function moduleBodyHtml(key: string, load: () => Promise<{ default: Component }>): Promise<string> {
	const cached = rendered.get(key);
	if (cached !== undefined) return cached;
	const [{ render }, { default: Content }] = await Promise.all([import('svelte/server'), load()]);
	const context = modulePageContextMap({ reflections: {}, savedReflection: null, printing: false });
	// One-byte, like every part of the page ($lib/latin1-html.ts).
	const html = latin1Html(stripHydrationMarkers(render(Content, { context }).body));
	rendered.set(key, html);
	return html;
}
