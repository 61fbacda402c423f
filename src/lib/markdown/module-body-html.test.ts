import type { Component } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { moduleBodyHtml, stripHydrationMarkers } from './module-body-html';
import { personaliseBody } from './personalise-body';

const RESTRAINT_SAFETY = '/content/modules/04-restraint-safety.md';
const load = import.meta.glob<{ default: Component }>('/content/modules/04-restraint-safety.md')[RESTRAINT_SAFETY];

describe('a module body rendered on the server', () => {
	it('is the Markdown as plain HTML: sections with their "I have read" forms, reflections with a box and a status', async () => {
		const html = await moduleBodyHtml('restraint-safety@test', load);
		expect(html).toMatch(/<section[^>]*id="[a-z0-9-]+"[^>]*class="module-section"/);
		expect(html.match(/<form[^>]*class="mark-read"/g)?.length).toBeGreaterThan(3);
		expect(html).toContain('name="section"');
		expect(html).toMatch(/<textarea[^>]*id="reflection-safety-officer-body"[^>]*><\/textarea>/);
		expect(html).toMatch(/<span role="status" data-reflection-saved="safety-officer"><\/span>/);
		expect(html).toContain('<aside class="key-point">');
		expect(html).not.toMatch(/<!--(\[[-!\d]*|\]|)-->/);
		expect(html).not.toContain('<script');
	});

	it('is rendered once per module version', async () => {
		const loader = vi.fn(load);
		const first = await moduleBodyHtml('restraint-safety@cache-test', loader);
		expect(await moduleBodyHtml('restraint-safety@cache-test', loader)).toBe(first);
		expect(loader).toHaveBeenCalledTimes(1);
	});

	it('loses only Svelte hydration markers, not comments an author wrote', () => {
		expect(stripHydrationMarkers('<p><!--[-->a<!--]--><!----><!--[!-->b<!--]--><!--[-1--><!--[0-->c</p><!-- note -->')).toBe('<p>abc</p><!-- note -->');
	});
});

describe('a learner’s own words in the body', () => {
	const body = [
		'<aside class="reflection" id="reflection-one"><form><textarea id="reflection-one-body" name="body"></textarea>',
		'<span role="status" data-reflection-saved="one"></span></form></aside>',
		'<aside class="reflection" id="reflection-two"><form><textarea id="reflection-two-body" name="body"></textarea>',
		'<span role="status" data-reflection-saved="two"></span></form></aside>'
	].join('');

	it('puts saved reflections in their boxes, escaped, keeping a leading newline and $ patterns', () => {
		const html = personaliseBody(body, { two: '\n</textarea><script>alert(1)</script> & $& $1' }, null);
		expect(html).toContain(
			'<textarea id="reflection-two-body" name="body">\n\n&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; $&amp; $1</textarea>'
		);
		expect(html).toContain('<textarea id="reflection-one-body" name="body"></textarea>');
		expect(html).not.toContain('<script>');
	});

	it('says "Reflection saved." beside the one just saved only', () => {
		const html = personaliseBody(body, {}, 'one');
		expect(html).toContain('data-reflection-saved="one">Reflection saved.</span>');
		expect(html).toContain('data-reflection-saved="two"></span>');
	});

	it('fills the boxes of a real module body, and only those', async () => {
		const html = await moduleBodyHtml('restraint-safety@personalise-test', load);
		const filled = personaliseBody(html, { 'safety-officer': 'I would name myself.' }, 'safety-officer');
		expect(filled).toMatch(/<textarea[^>]*id="reflection-safety-officer-body"[^>]*>\nI would name myself\.<\/textarea>/);
		expect(filled).toContain('data-reflection-saved="safety-officer">Reflection saved.</span>');
		expect(filled.length - html.length).toBe('\nI would name myself.'.length + 'Reflection saved.'.length);
	});

	it('leaves the body as it is for reflections it does not contain, and for nothing saved', () => {
		expect(personaliseBody(body, { other: 'text', one: '' }, 'other')).toBe(body);
	});
});
