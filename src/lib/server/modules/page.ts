import { formatLondonLongDate } from '$lib/london-time';
import { notFound } from '../access/guards';
import { findModule } from '../content';
import type { moduleCompletions, quizAttempts } from '../db/schema';
import { grade, type Answers } from './grading';
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

/**
 * The public part of a module definition: never the quiz answers, nor its sources, which the module page sends as
 * HTML kept from the server (sources-html.ts) and the print view takes from the definition.
 */
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
		sections: module.sections,
		/** What changed in this major version, for those retraining on it (assignments/retraining.ts). */
		majorChange: module.meta.majorChange ?? null
	};
}

/** The learner's last completion as the page shows it, the date written here in London time (not in the browser). */
export function completionShown(completion: typeof moduleCompletions.$inferSelect | null | undefined) {
	return completion ? { at: formatLondonLongDate(completion.completedAt), version: completion.moduleVersion, score: completion.score } : null;
}

/**
 * The learner's last knowledge-check attempt as the page shows it when nothing was just submitted: their
 * answers and the feedback on them, marked again against the module. Only an attempt at the module's
 * current version, whose questions are the ones on the page. The answers chosen are the result's `selected`
 * option ids (the page has the options' texts with its questions), so the page's data carries each once.
 */
export function lastAttemptShown(module: ModuleDefinition, attempt: typeof quizAttempts.$inferSelect | null) {
	if (!attempt || attempt.moduleVersion !== module.meta.version) return null;
	return {
		at: formatLondonLongDate(attempt.submittedAt),
		result: grade(module.quiz, JSON.parse(attempt.answers) as Answers, module.meta.passMark)
	};
}

export const REFRESHER_WARNING =
	'You have completed this module. Marking a section as read now starts a refresher: the count of sections read begins again, and your completion and certificate stay as they are.';

/**
 * Which section an "I have read" form names, or why it is refused: one not in the module, or, on a completed
 * module with no refresher begun, a first press that has not confirmed starting a refresher.
 */
export function sectionToMark(module: ModuleDefinition, form: FormData, completedCycleShown: boolean) {
	const section = form.get('section');
	if (typeof section !== 'string' || !module.sections.some((s) => s.id === section)) {
		return { ok: false as const, section: null, message: 'That section is not part of this module. Reload the page and try again.' };
	}
	if (completedCycleShown && form.get('refresher') !== 'start') return { ok: false as const, section, message: REFRESHER_WARNING };
	return { ok: true as const, section };
}
