/**
 * What /search searches: the modules (title and summary, then each section under its heading) and the
 * scenarios (title, summary and briefing), as plain text. Pure: built from the content index's definitions
 * and the modules' Markdown. Never scenario feedback, scores or quiz answers.
 */
import { outlineOf, splitFrontmatter } from '../content/markdown';
import type { ModuleDefinition } from '../modules/parse';
import type { ScenarioDefinition } from '../scenarios/engine';

export interface SearchDocument {
	readonly kind: 'module' | 'scenario';
	/** Where a result links: the module, a section of it (`#id`), or the scenario. */
	readonly href: string;
	readonly title: string;
	/** The section heading, or '' for the module or scenario as a whole. */
	readonly heading: string;
	readonly body: string;
}

/** Markdown and the Svelte components authors use in it, reduced to the words a reader sees. */
export function plainText(markdown: string): string {
	return markdown
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<[A-Za-z][^>]*?\bprompt="([^"]*)"[^>]*>/g, ' $1 ')
		.replace(/<\/?[A-Za-z][^>]*>/g, ' ')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^ {0,3}(?:#{1,6}|>|[-*+]|\d+[.)])[ \t]+/gm, '')
		.replace(/[*_`~|]+/g, ' ')
		.replace(/^[ \t]*:?-{3,}:?.*$/gm, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** A module's Markdown split at its H2s, by the same outline rule the module pages use for their sections. */
function sectionTexts(markdown: string): string[] {
	const { body } = splitFrontmatter(markdown);
	const { sections } = outlineOf(body);
	const texts: string[] = [];
	let current: string[] | null = null;
	let seen = 0;
	for (const line of body.split(/\r?\n/)) {
		// The next section's own heading, read by the outline rule (so a look-alike line in a code fence earlier is not it).
		const heading = seen < sections.length && outlineOf(line).sections[0]?.id === sections[seen]!.id;
		if (heading) {
			if (current) texts.push(current.join('\n'));
			current = [];
			seen++;
			continue;
		}
		current?.push(line);
	}
	if (current) texts.push(current.join('\n'));
	return texts;
}

export function searchDocuments(
	modules: readonly { module: ModuleDefinition; markdown: string }[],
	scenarios: readonly ScenarioDefinition[]
): SearchDocument[] {
	const docs: SearchDocument[] = [];
	for (const { module, markdown } of modules) {
		const href = `/modules/${module.slug}`;
		docs.push({ kind: 'module', href, title: module.meta.title, heading: '', body: module.meta.summary });
		const texts = sectionTexts(markdown);
		module.sections.forEach((section, i) => {
			docs.push({ kind: 'module', href: `${href}#${section.id}`, title: module.meta.title, heading: section.title, body: plainText(texts[i] ?? '') });
		});
	}
	for (const def of scenarios) {
		docs.push({
			kind: 'scenario',
			href: `/scenarios/${def.slug}`,
			title: def.meta.title,
			heading: '',
			body: `${def.meta.summary} ${plainText(def.briefingMarkdown)}`
		});
	}
	return docs;
}
