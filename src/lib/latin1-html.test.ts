import { describe, expect, it } from 'vitest';
import { latin1Html } from './latin1-html';

describe('latin1Html', () => {
	it('writes characters beyond Latin-1 as character references, whole code points included', () => {
		expect(latin1Html('<p>I can’t – “breathe” 🚑</p>')).toBe('<p>I can&#8217;t &#8211; &#8220;breathe&#8221; &#128657;</p>');
	});

	it('leaves Latin-1 as it is, and returns the same string when there is nothing to change', () => {
		const html = '<p title="café">£5 · naïve</p>';
		expect(latin1Html(html)).toBe(html);
	});

	it('is read back by an HTML parser as the same text', () => {
		const text = 'Kevin Clarke said “I can’t breathe” – 2018';
		const decoded = latin1Html(text).replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)));
		expect(decoded).toBe(text);
	});
});
