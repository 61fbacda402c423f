// The learner's own part of a module's server-rendered Markdown (module-body-html.ts): the text of their saved
// reflections in the boxes, and "Reflection saved." after a save without JavaScript. Everything put in is escaped.

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function personaliseBody(html: string, reflections: Record<string, string>, savedReflection: string | null): string {
	let out = html;
	for (const [id, body] of Object.entries(reflections)) {
		if (!body) continue;
		const box = new RegExp(`(<textarea[^>]*\\bid="reflection-${escapeRegExp(id)}-body"[^>]*>)[^<]*(</textarea>)`);
		// A newline straight after <textarea> is dropped by the HTML parser: one is given so that the text's own is kept.
		out = out.replace(box, (_, open: string, close: string) => `${open}\n${escapeHtml(body)}${close}`);
	}
	if (savedReflection) {
		const status = new RegExp(`(<span[^>]*\\bdata-reflection-saved="${escapeRegExp(savedReflection)}"[^>]*>)[^<]*(</span>)`);
		out = out.replace(status, (_, open: string, close: string) => `${open}Reflection saved.${close}`);
	}
	return out;
}
