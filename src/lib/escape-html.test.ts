import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
	it('escapes the five characters that matter in content and quoted attributes, every time they occur', () => {
		expect(escapeHtml(`<a href="x" title='y'>&&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&amp;&lt;/a&gt;');
	});
	it('returns plain text unchanged', () => {
		expect(escapeHtml('Grace goes home with her daughter')).toBe('Grace goes home with her daughter');
	});
});
