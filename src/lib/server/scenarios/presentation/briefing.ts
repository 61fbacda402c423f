/**
 * The briefing body as plain blocks (paragraphs and lists) for the page to render as text nodes.
 * Briefings are plain prose by the authoring rules, so nothing is ever rendered as HTML: anything that
 * looks like markup is shown as the text it is.
 */

export type BriefingBlock =
	{ readonly kind: 'paragraph'; readonly text: string } | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] };

const BULLET = /^\s{0,3}[-*+]\s+/;
const NUMBERED = /^\s{0,3}\d+[.)]\s+/;

export function briefingBlocks(markdown: string): BriefingBlock[] {
	const blocks: BriefingBlock[] = [];
	for (const chunk of markdown.split(/\r?\n\s*\r?\n/)) {
		const lines = chunk.split(/\r?\n/).filter((line) => line.trim() !== '');
		if (lines.length === 0) continue;
		const ordered = NUMBERED.test(lines[0]!);
		const marker = ordered ? NUMBERED : BULLET;
		if (marker.test(lines[0]!)) {
			blocks.push({ kind: 'list', ordered, items: listItems(lines, marker) });
		} else {
			blocks.push({ kind: 'paragraph', text: plain(lines.join(' ')) });
		}
	}
	return blocks;
}

/** Lines that do not start a new item continue the one before (a wrapped item). */
function listItems(lines: readonly string[], marker: RegExp): string[] {
	const items: string[] = [];
	for (const line of lines) {
		if (marker.test(line) || items.length === 0) items.push(line.replace(marker, ''));
		else items[items.length - 1] += ` ${line.trim()}`;
	}
	return items.map(plain);
}

/** Drops emphasis markers and headings' hashes; the words stay. */
function plain(text: string): string {
	return text
		.replace(/^\s{0,3}#{1,6}\s+/, '')
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/\s+/g, ' ')
		.trim();
}
