import { describe, expect, it } from 'vitest';
import { buildModuleIndex, h2Headings, moduleSlugFromFileName, slugifyHeading } from './module-index';

describe('slugifyHeading', () => {
	it.each([
		['Warning signs of positional asphyxia', 'warning-signs-of-positional-asphyxia'],
		["I can't breathe: what to do", 'i-can-t-breathe-what-to-do'],
		['Section 136 (MHA 1983)', 'section-136-mha-1983'],
		['  *Emphasis* and `code`  ', 'emphasis-and-code'],
		['Risks &amp; responsibilities', 'risks-responsibilities']
	])('%s -> %s', (heading, slug) => {
		expect(slugifyHeading(heading)).toBe(slug);
	});
});

describe('h2Headings', () => {
	it('finds H2 headings only, outside frontmatter and code fences', () => {
		const markdown = [
			'---',
			'title: x',
			'## not a heading in frontmatter',
			'---',
			'<script>import { KeyPoint } from "$lib/components/module";</script>',
			'',
			'## First section',
			'### A subsection',
			'# Not an H2',
			'```md',
			'## inside a fence',
			'```',
			'## Second section ##'
		].join('\n');
		expect(h2Headings(markdown)).toEqual(['First section', 'Second section']);
	});
});

describe('module files', () => {
	it('takes the slug from NN-slug.md and ignores other files', () => {
		expect(moduleSlugFromFileName('07-restraint-safety.md')).toBe('restraint-safety');
		expect(moduleSlugFromFileName('07-restraint-safety.quiz.yaml')).toBeUndefined();
		expect(moduleSlugFromFileName('restraint-safety.md')).toBeUndefined();
		expect(moduleSlugFromFileName('7-restraint-safety.md')).toBeUndefined();
	});

	it('indexes module slugs with their section ids', () => {
		const index = buildModuleIndex([
			{ fileName: '07-restraint-safety.md', source: '## Warning signs\n\nText\n\n## The law\n' },
			{ fileName: '07-restraint-safety.quiz.yaml', source: 'questions: []' }
		]);
		expect([...index.keys()]).toEqual(['restraint-safety']);
		expect([...(index.get('restraint-safety') ?? [])]).toEqual(['warning-signs', 'the-law']);
	});
});
