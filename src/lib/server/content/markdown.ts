/**
 * The one reading of a content Markdown file that the app, the scripts and the tests share: its YAML
 * frontmatter, and its outline (H2 sections, H1s, text before the first H2) outside fenced code.
 * Section ids come from the slugify the module pages use for their anchors (src/lib/markdown/slug.js),
 * so learnMore links, progress records and the rendered page cannot drift apart. Pure: callers pass text.
 */
import { parse, YAMLError } from 'yaml';
import { slugify } from '../../markdown/slug.js';

export interface FrontmatterSplit {
	readonly data: unknown;
	readonly body: string;
}

export class FrontmatterError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FrontmatterError';
	}
}

/** Frontmatter must open on the first line with `---` and close with a line of `---`. */
const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function splitFrontmatter(source: string): FrontmatterSplit {
	const match = FRONTMATTER.exec(source);
	if (!match) {
		throw new FrontmatterError('has no frontmatter: the file must start with a line "---", the YAML, then "---"');
	}
	let data: unknown;
	try {
		data = parse(match[1] ?? '');
	} catch (error) {
		const detail = error instanceof YAMLError ? error.message : String(error);
		throw new FrontmatterError(`has frontmatter that is not valid YAML: ${detail}`);
	}
	return { data, body: source.slice(match[0].length).replace(/^(?:\r?\n)+/, '') };
}

export interface MarkdownSection {
	readonly id: string;
	readonly title: string;
}

export interface MarkdownOutline {
	/** H2 headings outside fenced code, in order. */
	readonly sections: readonly MarkdownSection[];
	/** H1 headings outside fenced code. */
	readonly h1s: readonly string[];
	/** Everything before the first H2 (fenced code included), without `<script>` blocks, trimmed. */
	readonly preamble: string;
}

/** An opening or closing code fence: up to three spaces, then three or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const H1 = /^ {0,3}#(?:[ \t]+(.*?))?[ \t]*$/;
const H2 = /^ {0,3}##(?:[ \t]+(.*?))?[ \t]*$/;

/**
 * The outline of a Markdown body (frontmatter already removed), as CommonMark reads it: a fence opened
 * with ``` or ~~~ closes only with the same character, at least as many times, and nothing after it; an
 * unclosed fence runs to the end. Headings inside fences are code, not sections.
 */
export function outlineOf(body: string): MarkdownOutline {
	const sections: MarkdownSection[] = [];
	const h1s: string[] = [];
	const preamble: string[] = [];
	let fence: string | null = null;
	for (const line of body.split(/\r?\n/)) {
		if (sections.length === 0) preamble.push(line);
		const fenceMatch = FENCE.exec(line);
		if (fence === null) {
			// A backtick fence's info string may not hold a backtick (CommonMark), so "```a```" is inline code.
			if (fenceMatch?.[1] && !(fenceMatch[1][0] === '`' && fenceMatch[2]?.includes('`'))) {
				fence = fenceMatch[1];
				continue;
			}
		} else {
			const closing = fenceMatch?.[1];
			if (closing && closing[0] === fence[0] && closing.length >= fence.length && fenceMatch[2]?.trim() === '') fence = null;
			continue;
		}
		const h2 = H2.exec(line);
		if (h2) {
			if (sections.length === 0) preamble.pop();
			const title = headingText(h2[1] ?? '');
			sections.push({ title, id: slugify(title) });
			continue;
		}
		const h1 = H1.exec(line);
		if (h1) h1s.push(headingText(h1[1] ?? ''));
	}
	return {
		sections,
		h1s,
		preamble: preamble
			.join('\n')
			.replace(/<script[\s\S]*?<\/script>/g, '')
			.trim()
	};
}

/** Heading text without an optional closing sequence of #s (which must follow a space). */
function headingText(raw: string): string {
	return raw.replace(/(?:^|[ \t]+)#+$/, '').trim();
}
