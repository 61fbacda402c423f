// The learner's own part of a module's server-rendered Markdown (module-body-html.ts): the text of their saved
// reflections in the boxes, and "Reflection saved." after a save without JavaScript. Everything put in is escaped.
// Runs on every view of the page, over some 50 KB of HTML: plain string searches, no regular expression built per box.

import { escapeHtml } from '../escape-html';
import { latin1Html } from '../latin1-html';

/**
 * The HTML with the text content of the first `<tag …>` element whose opening tag has `attribute` (as ` name="value"`)
 * replaced by `text` (already HTML). Unchanged when there is no such element or it holds other elements.
 */
function fillElement(html: string, tag: string, attribute: string, text: string): string {
	const at = html.indexOf(attribute);
	if (at < 0) return html;
	const open = html.lastIndexOf(`<${tag}`, at);
	const openEnd = html.indexOf('>', at);
	// The attribute must sit in that element's own opening tag.
	if (open < 0 || openEnd < 0 || html.lastIndexOf('>', at) > open) return html;
	const close = html.indexOf(`</${tag}>`, openEnd);
	if (close < 0 || html.indexOf('<', openEnd + 1) !== close) return html;
	return html.slice(0, openEnd + 1) + text + html.slice(close);
}

export function personaliseBody(html: string, reflections: Record<string, string>, savedReflection: string | null): string {
	let out = html;
	for (const [id, body] of Object.entries(reflections)) {
		// A newline straight after <textarea> is dropped by the HTML parser: one is given so that the text's own is kept.
		if (body) out = fillElement(out, 'textarea', ` id="reflection-${id}-body"`, `\n${latin1Html(escapeHtml(body))}`);
	}
	if (savedReflection) out = fillElement(out, 'span', ` data-reflection-saved="${savedReflection}"`, 'Reflection saved.');
	return out;
}
