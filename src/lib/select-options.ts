/**
 * A <select>'s options as HTML, for long lists on server-rendered pages (the /insights filters list every unit of a
 * scope: 59 for the Met). Svelte renders each <option> through two nested renderers of its own, so that it can work
 * out `selected` from a bound value; that was a fifth of the scenario insights page's own rendering. Every text and
 * value is escaped here; the caller inserts the result with {@html} inside its <select>.
 */
import { escapeHtml } from './escape-html';

export type SelectOption = { value: string | number; label: string };
export type SelectGroup = { label: string; options: readonly SelectOption[] };

/** The options, the one whose value is `selected` (compared as text, as a form sends it) marked selected. */
export function optionsHtml(options: readonly SelectOption[], selected?: string | number): string {
	const chosen = selected === undefined ? undefined : String(selected);
	let html = '';
	for (const o of options) {
		const value = String(o.value);
		html += `<option value="${escapeHtml(value)}"${value === chosen ? ' selected' : ''}>${escapeHtml(o.label)}</option>`;
	}
	return html;
}

/** Options in labelled groups (<optgroup>), so that a long list reads without JavaScript. */
export function optionGroupsHtml(groups: readonly SelectGroup[], selected?: string | number): string {
	let html = '';
	for (const g of groups) html += `<optgroup label="${escapeHtml(g.label)}">${optionsHtml(g.options, selected)}</optgroup>`;
	return html;
}
