/**
 * What /insights/surveys shows a trainer, training manager or administrator: answers counted within their scope
 * (policy.ts `insightsScope`), published under the small-number rule, and the free text only to those who may read
 * it (`mayReadSurveyComments`) and only for a group large enough to be shown at all.
 */
import { mayReadSurveyComments, type PeopleScope, type Principal } from '../access/policy';
import type { Db } from '../db';
import { publishCount, SUPPRESS_UP_TO } from '../reporting/disclosure';
import { publishSurvey } from './aggregate';
import { answeredVersions, comments, responseCounts, tallyAnswers } from './store';
import { surveySubjects, type SurveyPageSubject } from './subject';

export const insightHref = (kind: string, slug: string) => `/insights/surveys/${kind}/${slug}`;

/** Whose answers a reader may see added up: `requireInsights` gives it with the reader. */
type InsightsScope = Exclude<PeopleScope, { kind: 'self' }>;

/** Every module and scenario with its number of answers as published (null: withheld). */
export function surveyOverview(db: Db, scope: InsightsScope) {
	const counts = new Map(responseCounts(db, scope).map((c) => [`${c.kind}/${c.slug}`, c.responses]));
	const rows = surveySubjects().map((s) => ({ ...s, href: insightHref(s.kind, s.slug), responses: publishCount(counts.get(`${s.kind}/${s.slug}`) ?? 0) }));
	return { modules: rows.filter((r) => r.kind === 'module'), scenarios: rows.filter((r) => r.kind === 'scenario'), suppressUpTo: SUPPRESS_UP_TO };
}

/** One module's or scenario's answers, all versions or the one asked for (a version with no answers is read as all). */
export function surveyInsight(db: Db, user: Principal, scope: InsightsScope, subject: SurveyPageSubject, askedVersion: string | null) {
	const base = { kind: subject.kind, slug: subject.slug, scope };
	const versions = answeredVersions(db, base);
	const version = askedVersion && versions.includes(askedVersion) ? askedVersion : null;
	const filter = { ...base, version };
	const { responses, tallies } = tallyAnswers(db, filter);
	const published = publishSurvey(subject.definition, responses, tallies);
	const mayReadComments = mayReadSurveyComments(user);
	return {
		subject: { kind: subject.kind, slug: subject.slug, title: subject.title, href: subject.href, currentVersion: subject.currentVersion },
		commentLabel: subject.definition.comment.label,
		versions,
		version,
		published,
		mayReadComments,
		// Never read for a group under the threshold, nor for a reader who may not see it.
		comments: mayReadComments && published.state === 'shown' ? comments(db, filter) : null,
		suppressUpTo: SUPPRESS_UP_TO,
		scopeIsAll: base.scope.kind === 'all'
	};
}
