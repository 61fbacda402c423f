import { describe, expect, it } from 'vitest';
import { FrontmatterError, splitFrontmatter } from './frontmatter';

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
