import { describe, expect, it } from 'vitest';
import { optionalText, requiredText } from './fields';

describe('text fields refuse control characters', () => {
	const name = requiredText('the name', 120);
	const notes = optionalText('the notes', 2000);

	it('a one-line field takes ordinary text, markup and right-to-left text as it is', () => {
		for (const v of ['Grace Mensah', "O'Brien, Declan", '<script>alert(1)</script>', 'مرحبا', '=SUM(A1)'])
			expect(name.safeParse(v)).toEqual({ success: true, data: v });
	});

	it('a one-line field refuses tabs, line breaks and every other control character, as the roster import does', () => {
		for (const v of ['a\tb', 'a\nb', 'a\rb', 'a\u0000b', 'a\u001Fb', 'a\u007Fb', 'a\u0085b', 'a\u009Fb'])
			expect(name.safeParse(v).success, JSON.stringify(v)).toBe(false);
	});

	it('a text box keeps line breaks and tabs but refuses the rest', () => {
		expect(notes.safeParse('Line one\r\nLine two\twith a tab')).toEqual({ success: true, data: 'Line one\r\nLine two\twith a tab' });
		for (const v of ['a\u0000b', 'a\u0008b', 'a\u000Bb', 'a\u007Fb', 'a\u0092b']) expect(notes.safeParse(v).success, JSON.stringify(v)).toBe(false);
		expect(notes.safeParse('')).toEqual({ success: true, data: null });
	});
});
