import { describe, expect, it } from 'vitest';
import { validMarkdown, validQuiz } from '$testing/module-fixtures';
import { parseModule } from './parse';
import { moduleSourcesHtml } from './sources-html';

const withLink = validMarkdown.replace(
	'sources:\n',
	'sources:\n  - title: Guidance on <restraint> & breathing\n    url: https://example.org/guidance?a=1&b=2\n'
);
const module = parseModule('/content/modules/07-test-module.md', withLink, validQuiz);

describe('a module’s sources as HTML', () => {
	it('is the sources list the page shows: a labelled section, each source linked or cited, escaped', () => {
		const html = moduleSourcesHtml(module);
		expect(html).toMatch(/^<section aria-labelledby="sources-title"><h2 id="sources-title">Sources<\/h2>/);
		expect(html).toContain('<a href="https://example.org/guidance?a=1&amp;b=2">Guidance on &lt;restraint> &amp; breathing</a>');
		expect(html).toContain('Mental Health Act 1983, section 136: <cite>Mental Health Act 1983 c.20, s.136</cite>');
		expect(html).not.toMatch(/<!--(\[[-!\d]*|\]|)-->/);
	});

	it('is rendered once per module version, and again for a new version', () => {
		expect(moduleSourcesHtml(module)).toBe(moduleSourcesHtml(module));
		const next = parseModule('/content/modules/07-test-module.md', withLink.replace('version: 1.2.0', 'version: 1.3.0'), validQuiz);
		expect(next.meta.version).toBe('1.3.0');
		const changed = { ...next, meta: { ...next.meta, sources: [{ title: 'Only this one' }] } };
		expect(moduleSourcesHtml(changed)).toContain('<li>Only this one</li>');
		expect(moduleSourcesHtml(module)).toContain('Guidance on');
	});
});
