import { describe, expect, it } from 'vitest';
import { testDb } from '$testing/fixtures';
import { allModules, findModule, moduleMarkdown } from '../content';
import { plainText, searchDocuments } from './documents';
import { excerptParts, search } from './index';
import { parseSearchQuery } from './query';
import { MARK_END, MARK_START, rebuildSearchIndex, searchContent } from './store';

describe('parseSearchQuery', () => {
	it('keeps only words, quoted as prefixes, so no input is read as FTS5 syntax', () => {
		expect(parseSearchQuery('  Section 136 ')).toEqual({ ok: true, text: 'Section 136', match: '"section"* "136"*' });
		expect(parseSearchQuery('"prone" OR title:x NEAR(a b) *')).toMatchObject({ ok: true, match: '"prone"* "or"* "title"* "x"* "near"* "a"* "b"*' });
		expect(parseSearchQuery('café')).toMatchObject({ ok: true, match: '"café"*' });
	});

	it('asks for words, refuses an overlong search, and says nothing for an empty box', () => {
		expect(parseSearchQuery(null)).toEqual({ ok: false, text: '', message: null });
		expect(parseSearchQuery('"*"()')).toEqual({ ok: false, text: '"*"()', message: 'Type at least one word to search for.' });
		expect(parseSearchQuery('a'.repeat(201))).toMatchObject({ ok: false, message: expect.stringContaining('200 characters') });
	});
});

describe('search documents', () => {
	it('reduces Markdown and author components to the words a reader sees', () => {
		expect(plainText('<script>import x</script>\n## Heading\n- **Bold** [a link](https://x.test) and `code`\n<KeyPoint>Inside</KeyPoint>')).toBe(
			'Heading Bold a link and code Inside'
		);
		expect(plainText('<Reflection id="r" prompt="What would you do?" />')).toBe('What would you do?');
	});

	it('gives a module as a whole and each of its sections, linked to the section', () => {
		const module = allModules()[0]!;
		const docs = searchDocuments([{ module, markdown: moduleMarkdown(module.slug)! }], []);
		expect(docs).toHaveLength(module.sections.length + 1);
		expect(docs[1]).toMatchObject({ kind: 'module', href: `/modules/${module.slug}#${module.sections[0]!.id}`, heading: module.sections[0]!.title });
		for (const doc of docs.slice(1)) expect(doc.body.length, doc.href).toBeGreaterThan(20);
		expect(docs.map((d) => d.body).join(' ')).not.toMatch(/<script|\]\(http/);
	});
});

describe('the search index (SQLite FTS5)', () => {
	const docs = [
		{
			kind: 'module' as const,
			href: '/modules/a#breathing',
			title: 'Restraint',
			heading: 'Breathing',
			body: 'When someone says they cannot breathe, act at once.'
		},
		{ kind: 'scenario' as const, href: '/scenarios/b', title: 'Breathing on the street', heading: '', body: 'A man is face down.' },
		{ kind: 'module' as const, href: '/modules/c', title: 'Wellbeing', heading: '', body: 'Looking after yourself.' }
	];

	it('finds words and word beginnings, a title match first, with the matches marked in the excerpt', () => {
		const db = testDb();
		rebuildSearchIndex(db, docs);
		const hits = searchContent(db, parseSearchQuery('breath').ok ? '"breath"*' : '');
		expect(hits.map((h) => h.href)).toEqual(['/scenarios/b', '/modules/a#breathing']);
		expect(hits[1]!.excerpt).toContain(`${MARK_START}breathe${MARK_END}`);
		expect(searchContent(db, '"nothing"*')).toEqual([]);
		// a rebuild replaces the rows rather than adding to them
		rebuildSearchIndex(db, docs);
		expect(searchContent(db, '"wellbeing"*')).toHaveLength(1);
	});

	it('searches the real content, built on first use, and links a result to its section', () => {
		const db = testDb();
		const { query, hits } = search(db, 'I can’t breathe');
		expect(query.ok).toBe(true);
		expect(hits.length).toBeGreaterThan(0);
		const section = hits.find((h) => h.href.startsWith('/modules/restraint-safety#'));
		expect(section, 'a restraint-safety section').toBeDefined();
		const id = section!.href.split('#')[1];
		expect(findModule('restraint-safety')!.sections.map((s) => s.id)).toContain(id);
		expect(search(db, '   ')).toEqual({ query: { ok: false, text: '', message: null }, hits: [] });
	});

	it('splits an excerpt into marked and plain parts', () => {
		expect(excerptParts(`a ${MARK_START}b${MARK_END} c`)).toEqual([
			{ text: 'a ', mark: false },
			{ text: 'b', mark: true },
			{ text: ' c', mark: false }
		]);
	});
});
