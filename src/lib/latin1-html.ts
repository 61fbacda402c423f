/**
 * Strings kept one byte a character, for the pages the server writes. One string held two bytes a character anywhere
 * in a page makes V8 hold the whole page so, and joining its pieces into one before SvelteKit's ETag hash and the
 * response's encoding then costs several times more (docs/benchmarks.md, "One-byte pages"). V8 holds a string two
 * bytes a character when it has any character beyond Latin-1, and so is every piece cut from such a string (a title
 * read from a Markdown file with a curly quote elsewhere in it, say) or built by replacing in it, whatever it holds.
 */
const BEYOND_LATIN1 = /[^\0-\xff]/u;

/**
 * The same text held one byte a character when it has nothing beyond Latin-1 (a fresh copy, once, for text that is
 * kept and sent many times); otherwise unchanged. In the browser, where nothing is gained, unchanged.
 */
export function oneByte(text: string): string {
	if (typeof Buffer === 'undefined' || BEYOND_LATIN1.test(text)) return text;
	return Buffer.from(text, 'latin1').toString('latin1');
}

/**
 * HTML with every character beyond Latin-1 written as a numeric character reference (`’` as `&#8217;`), held one byte
 * a character: the same page to the browser. For HTML made once and kept (a module's body, its sources list), the page
 * title and learners' words put into the body; not for text inside `<script>` or `<style>`, where references are not read.
 */
export const latin1Html = (html: string): string => oneByte(html.replace(/[^\0-\xff]/gu, (c) => `&#${c.codePointAt(0)};`));
