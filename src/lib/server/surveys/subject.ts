/**
 * The module or scenario a survey page is about, from its address: an unknown kind, an unknown module or scenario,
 * or content with no survey for that kind answers 404.
 */
import { notFound } from '../access/guards';
import { allModules, allScenarios, findModule, findScenario, surveyFor } from '../content';
import type { Db } from '../db';
import { isSurveyKind, type SurveyDefinition, type SurveyKind } from './definition';
import { hasAnswered } from './store';

export type SurveyPageSubject = { kind: SurveyKind; slug: string; title: string; href: string; currentVersion: string; definition: SurveyDefinition };

export function surveySubjectOr404(kind: string, slug: string): SurveyPageSubject {
	if (!isSurveyKind(kind)) notFound();
	const definition = surveyFor(kind);
	const meta = kind === 'module' ? findModule(slug)?.meta : findScenario(slug)?.meta;
	if (!definition || !meta) notFound();
	return { kind, slug, title: meta.title, href: `/${kind}s/${slug}`, currentVersion: meta.version, definition };
}

/** Every module and scenario a survey may be about, in the order the catalogues list them. */
export function surveySubjects(): { kind: SurveyKind; slug: string; title: string }[] {
	return [
		...allModules().map((m) => ({ kind: 'module' as const, slug: m.slug, title: m.meta.title })),
		...allScenarios().map((s) => ({ kind: 'scenario' as const, slug: s.slug, title: s.meta.title }))
	];
}

/** Where a learner gives their view of a module or scenario. */
export const surveyHref = (kind: SurveyKind, slug: string) => `/feedback/${kind}/${slug}`;

export const kindLabel = (kind: SurveyKind) => (kind === 'module' ? 'module' : 'scenario');

/**
 * The survey link to offer a learner who has finished `version` of a module or scenario: null when content has no
 * survey or they have already answered for that version (one indexed lookup).
 */
export function surveyOffer(db: Db, personId: number, kind: SurveyKind, slug: string, version: string): string | null {
	if (!surveyFor(kind) || hasAnswered(db, personId, { kind, slug, version })) return null;
	return surveyHref(kind, slug);
}
