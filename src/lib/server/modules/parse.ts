import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ContentError } from '../content/errors';
import { FrontmatterError, outlineOf, splitFrontmatter, type MarkdownSection } from '../content/markdown';
import { moduleFrontmatter, quizFile, type ModuleFrontmatter, type Quiz } from './schema';

export type Section = MarkdownSection;
export type ModuleDefinition = {
	slug: string;
	order: number;
	path: string;
	meta: ModuleFrontmatter;
	sections: Section[];
	reflections: { id: string; prompt: string }[];
	quiz: Quiz;
};

const FILE_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

function describeIssues(path: string, what: string, error: z.ZodError): string {
	return error.issues.map((i) => `${path}: ${what} field "${i.path.join('.') || '(root)'}" ${i.message}`).join('\n');
}

function readFrontmatter(path: string, source: string): { frontmatter: unknown; body: string } {
	try {
		const { data, body } = splitFrontmatter(source);
		return { frontmatter: data, body };
	} catch (e) {
		if (e instanceof FrontmatterError) throw new ContentError(`${path}: ${e.message}`);
		throw e;
	}
}

/** Reads one module (its Markdown and its quiz), checks it, and names the file and field at fault. */
export function parseModule(path: string, markdown: string, quizSource: string | undefined): ModuleDefinition {
	const fileName = path.split('/').pop()!;
	const name = FILE_NAME.exec(fileName);
	if (!name) throw new ContentError(`${path}: file name must look like NN-slug.md (two digits, then lower-case words joined by hyphens)`);
	const { frontmatter, body } = readFrontmatter(path, markdown);
	const meta = moduleFrontmatter.safeParse(frontmatter);
	if (!meta.success) throw new ContentError(describeIssues(path, 'frontmatter', meta.error));

	const { sections, h1s, preamble } = outlineOf(body);
	if (h1s.length > 0) throw new ContentError(`${path}: must not use an H1 (# heading); the title comes from the frontmatter`);
	if (sections.length < 2) throw new ContentError(`${path}: needs at least two sections (## headings)`);
	const seen = new Set<string>();
	for (const s of sections) {
		if (!s.id) throw new ContentError(`${path}: heading "${s.title}" gives an empty section id`);
		if (seen.has(s.id)) throw new ContentError(`${path}: two sections share the id "${s.id}"; make the headings unique`);
		seen.add(s.id);
	}
	if (preamble) throw new ContentError(`${path}: text before the first ## heading would belong to no section; start the body with a ## heading`);

	const reflections = [...body.matchAll(/<Reflection\s+([^>]*?)\/>/g)].map((m) => {
		const id = /id="([^"]+)"/.exec(m[1])?.[1];
		const prompt = /prompt="([^"]+)"/.exec(m[1])?.[1];
		if (!id || !/^[a-z0-9-]+$/.test(id)) throw new ContentError(`${path}: every <Reflection> needs an id of lower-case letters, numbers and hyphens`);
		if (!prompt) throw new ContentError(`${path}: reflection "${id}" needs a prompt`);
		return { id, prompt };
	});
	if (new Set(reflections.map((r) => r.id)).size !== reflections.length) throw new ContentError(`${path}: reflection ids must be unique`);

	const quizPath = path.replace(/\.md$/, '.quiz.yaml');
	if (quizSource === undefined) throw new ContentError(`${quizPath}: missing; every module needs a knowledge check`);
	let quizData: unknown;
	try {
		quizData = parseYaml(quizSource);
	} catch (e) {
		throw new ContentError(`${quizPath}: not valid YAML: ${(e as Error).message}`);
	}
	const quiz = quizFile.safeParse(quizData);
	if (!quiz.success) throw new ContentError(describeIssues(quizPath, 'quiz', quiz.error));

	return { slug: name[2], order: Number(name[1]), path, meta: meta.data, sections: [...sections], reflections, quiz: quiz.data };
}

/** Parses every module and checks what spans files: unique slugs and order numbers. */
export function parseModules(files: Record<string, string>): ModuleDefinition[] {
	const errors: string[] = [];
	const modules: ModuleDefinition[] = [];
	for (const [path, source] of Object.entries(files)) {
		if (!path.endsWith('.md')) continue;
		try {
			modules.push(parseModule(path, source, files[path.replace(/\.md$/, '.quiz.yaml')]));
		} catch (e) {
			if (e instanceof ContentError) errors.push(e.message);
			else throw e;
		}
	}
	for (const path of Object.keys(files)) {
		if (path.endsWith('.quiz.yaml') && !(path.replace(/\.quiz\.yaml$/, '.md') in files)) errors.push(`${path}: has no matching module file`);
	}
	const bySlug = new Map<string, string>();
	const byOrder = new Map<number, string>();
	for (const m of modules) {
		if (bySlug.has(m.slug)) errors.push(`${m.path}: slug "${m.slug}" is also used by ${bySlug.get(m.slug)}`);
		if (byOrder.has(m.order)) errors.push(`${m.path}: order number ${m.order} is also used by ${byOrder.get(m.order)}`);
		bySlug.set(m.slug, m.path);
		byOrder.set(m.order, m.path);
	}
	if (errors.length) throw new ContentError(errors.join('\n'));
	return modules.sort((a, b) => a.order - b.order);
}
