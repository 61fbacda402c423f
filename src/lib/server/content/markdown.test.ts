import { describe, expect, it } from 'vitest';
import { FrontmatterError, outlineOf, splitFrontmatter } from './markdown';

describe('splitFrontmatter', () => {
	it('separates the YAML from the Markdown body', () => {
		const { data, body } = splitFrontmatter('---\ntitle: Hello\nminutes: 5\n---\n\nThe body.\n');
		expect(data).toEqual({ title: 'Hello', minutes: 5 });
		expect(body).toBe('The body.\n');
	});

	it('accepts Windows line endings and a byte-order mark', () => {
		const { data, body } = splitFrontmatter('\uFEFF---\r\ntitle: Hello\r\n---\r\nBody');
		expect(data).toEqual({ title: 'Hello' });
		expect(body).toBe('Body');
	});

	it('keeps dates as text (YAML 1.2), so they can be validated as YYYY-MM-DD', () => {
		expect(splitFrontmatter('---\nreviewed: 2026-11-27\n---\n').data).toEqual({ reviewed: '2026-11-27' });
	});

	it('rejects a file without frontmatter', () => {
		expect(() => splitFrontmatter('# Title\n\nNo frontmatter.')).toThrow(FrontmatterError);
		expect(() => splitFrontmatter('# Title')).toThrow(/has no frontmatter/);
	});

	it('rejects invalid YAML, such as a quoted title followed by more text', () => {
		// This is how the example in docs/authoring.md is written; it must be quoted as a whole.
		expect(() => splitFrontmatter(`---\ntitle: "I can't breathe": prone restraint\n---\n`)).toThrow(/not valid YAML/);
		expect(splitFrontmatter(`---\ntitle: '"I can''t breathe": prone restraint'\n---\n`).data).toEqual({
			title: `"I can't breathe": prone restraint`
		});
	});

	it('rejects duplicate keys', () => {
		expect(() => splitFrontmatter('---\ntitle: A\ntitle: B\n---\n')).toThrow(/not valid YAML/);
	});
});

describe('outlineOf', () => {
	const ids = (body: string) => outlineOf(body).sections.map((section) => section.id);

	it('finds H2 sections only, outside code fenced with backticks or tildes', () => {
		const body = [
			'<script>import { KeyPoint } from "$lib/components/module";</script>',
			'',
			'## First section',
			'### A subsection',
			'```md',
			'## inside a backtick fence',
			'~~~',
			'## still inside: a tilde line does not close a backtick fence',
			'```',
			'~~~~ text',
			'## inside a tilde fence',
			'~~~',
			'## still inside: a shorter fence does not close a longer one',
			'~~~~',
			'## Second section ##',
			'   ## Indented up to three spaces',
			'    ## four spaces is code',
			'##not a heading'
		].join('\n');
		expect(outlineOf(body).sections).toEqual([
			{ title: 'First section', id: 'first-section' },
			{ title: 'Second section', id: 'second-section' },
			{ title: 'Indented up to three spaces', id: 'indented-up-to-three-spaces' }
		]);
	});

	it('treats an unclosed fence as running to the end', () => {
		expect(ids('## One\n~~~\n## Two\n')).toEqual(['one']);
	});

	it('does not take inline code with backticks for a fence', () => {
		expect(ids('## One\n```a``` is inline\n## Two\n')).toEqual(['one', 'two']);
	});

	it('keeps a closing # that is part of the text', () => {
		expect(outlineOf('## Learning C#\n').sections[0]?.title).toBe('Learning C#');
	});

	it('reports H1s outside fences, and the text before the first H2', () => {
		const outline = outlineOf('<script>\nimport x from "y";\n</script>\n\nLoose text.\n\n# A title\n\n~~~\n# in code\n~~~\n\n## Section\n\n# Another\n');
		expect(outline.h1s).toEqual(['A title', 'Another']);
		expect(outline.preamble).toBe('Loose text.\n\n# A title\n\n~~~\n# in code\n~~~');
		expect(outlineOf('<script>import x from "y";</script>\n\n## Section\n').preamble).toBe('');
	});

	it.each([
		['Warning signs of positional asphyxia', 'warning-signs-of-positional-asphyxia'],
		["I can't breathe: what to do", 'i-can-t-breathe-what-to-do'],
		['Section 136 (MHA 1983)', 'section-136-mha-1983'],
		['*Emphasis* and `code`', 'emphasis-and-code'],
		['Risks &amp; responsibilities', 'risks-responsibilities']
	])('gives the section "%s" the anchor id %s', (heading, id) => {
		expect(ids(`## ${heading}\n`)).toEqual([id]);
	});
});
