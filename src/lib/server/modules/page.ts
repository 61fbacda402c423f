import { notFound } from '../access/guards';
import { findModule } from '../content';
import type { ModuleDefinition } from './parse';

export function moduleOr404(slug: string): ModuleDefinition {
	const module = findModule(slug);
	if (!module) notFound();
	return module;
}

/** Where to send the learner after a section: the next unread one, or the knowledge check. */
export function nextStop(module: ModuleDefinition, read: Set<string>, after: string): string {
	const index = module.sections.findIndex((s) => s.id === after);
	const later = module.sections.slice(index + 1).find((s) => !read.has(s.id));
	const any = later ?? module.sections.find((s) => !read.has(s.id));
	return any ? any.id : 'knowledge-check';
}

/** The public part of a module definition: never the quiz answers. */
export function moduleSummary(module: ModuleDefinition) {
	return {
		slug: module.slug,
		path: module.path,
		title: module.meta.title,
		summary: module.meta.summary,
		minutes: module.meta.minutes,
		version: module.meta.version,
		reviewed: module.meta.reviewed,
		passMark: module.meta.passMark,
		sources: module.meta.sources,
		sections: module.sections
	};
}
