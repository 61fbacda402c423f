/**
 * Which module slugs and section ids exist, so analyse() can check a final state's learnMore links
 * without touching the file system. disk.ts builds one from content/modules; the app can build one
 * from import.meta.glob.
 */
import { slugify } from '../../markdown/slug.js';

/** Module slug -> its section ids. */
export type ModuleIndex = ReadonlyMap<string, ReadonlySet<string>>;

export interface ModuleFile {
	/** File name such as `07-restraint-safety.md`. */
	readonly fileName: string;
	readonly source: string;
}

const MODULE_FILE = /^\d{2}-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** The address part of `NN-slug.md`, or undefined when the name does not follow that pattern. */
export function moduleSlugFromFileName(fileName: string): string | undefined {
	return MODULE_FILE.exec(fileName)?.[1];
}

/**
 * Section id of an H2 heading: lower-case, every run of non-alphanumerics becomes one hyphen.
 * Delegates to the slugify the module pages use for their anchors, so links and anchors cannot drift apart.
 */
export function slugifyHeading(heading: string): string {
	return slugify(heading);
}

/** H2 headings of a Markdown document, ignoring frontmatter and fenced code. */
export function h2Headings(markdown: string): string[] {
	const headings: string[] = [];
	const lines = markdown.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, '').split(/\r?\n/);
	let fence: string | null = null;
	for (const line of lines) {
		const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
		if (fenceMatch?.[1]) {
			const marker = fenceMatch[1][0] ?? '`';
			if (fence === null) fence = marker;
			else if (fence === marker) fence = null;
			continue;
		}
		if (fence !== null) continue;
		const heading = /^\s{0,3}##[ \t]+(.+?)[ \t]*#*[ \t]*$/.exec(line);
		if (heading?.[1]) headings.push(heading[1]);
	}
	return headings;
}

export function buildModuleIndex(files: Iterable<ModuleFile>): ModuleIndex {
	const index = new Map<string, ReadonlySet<string>>();
	for (const file of files) {
		const slug = moduleSlugFromFileName(file.fileName);
		if (slug === undefined) continue;
		index.set(slug, new Set(h2Headings(file.source).map(slugifyHeading)));
	}
	return index;
}
