/**
 * All the SQL of /insights: reads over the insight aggregates (kept by scenarios/insight-counts.ts and
 * modules/answer-counts.ts), inside the viewer's scope and the page's filters, summed in the database. Each result
 * is kept until the next write (db/read-cache.ts): every reader between two writes shares it.
 */
import { and, eq, gt, gte, lte, min, sql, type SQL } from 'drizzle-orm';
import type { PeopleScope } from '../access/policy';
import { scopeCondition } from '../access/scope-sql';
import type { Db } from '../db';
import { cachedRead } from '../db/read-cache';
import { quizAnswerCounts, scenarioChoiceCounts, scenarioChoiceTotals, scenarioRunCounts } from '../db/schema';
import { compareVersions, type InsightFilters } from './filters';

type Scope = Exclude<PeopleScope, { kind: 'self' }>;
type GroupColumns = typeof scenarioChoiceCounts | typeof scenarioRunCounts | typeof quizAnswerCounts;

/** The scope and the group filters (organisation, unit, job role) over an aggregate's columns. */
function groupConditions(table: GroupColumns, scope: Scope, f: Pick<InsightFilters, 'organisationId' | 'unitId' | 'jobRole'>): (SQL | undefined)[] {
	return [
		scopeCondition(scope, { organisationId: table.organisationId, unitId: table.unitId }),
		f.organisationId ? eq(table.organisationId, f.organisationId) : undefined,
		f.unitId ? eq(table.unitId, f.unitId) : undefined,
		f.jobRole ? eq(table.jobRole, f.jobRole) : undefined
	];
}

function periodConditions(table: typeof scenarioChoiceCounts | typeof scenarioRunCounts, f: InsightFilters): (SQL | undefined)[] {
	return [
		f.from ? gte(table.month, f.from) : undefined,
		f.to ? lte(table.month, f.to) : undefined,
		f.runs === 'all' ? undefined : eq(table.refresher, f.runs === 'refresher' ? 1 : 0)
	];
}

const key = (...parts: unknown[]) => `insights:${JSON.stringify(parts)}`;

export type ChoiceRow = { fromState: string; event: string; late: number; firstAttempt: number; n: number };
export type RunRow = { attempt: number; passed: number; n: number };
export type AnswerRow = { questionId: string; answer: string; score: number; n: number };

/** Whether the totals (by organisation only) answer: no unit, role, period or run filter, and a scope of whole organisations. */
const totalsAnswer = (scope: Scope, f: InsightFilters) =>
	!f.unitId && !f.jobRole && !f.from && !f.to && f.runs === 'all' && (scope.kind === 'all' || scope.unitIds.length === 0);

/** Decisions at each point of one scenario version, by choice, lateness and first attempt. */
export function choiceRows(db: Db, slug: string, version: string, scope: Scope, f: InsightFilters): ChoiceRow[] {
	return cachedRead(db, key('choices', slug, version, scope, f), () => {
		if (totalsAnswer(scope, f)) {
			const t = scenarioChoiceTotals;
			return db
				.select({ fromState: t.fromState, event: t.event, late: t.late, firstAttempt: t.firstAttempt, n: sql<number>`sum(${t.n})`.mapWith(Number) })
				.from(t)
				.where(
					and(
						eq(t.scenarioSlug, slug),
						eq(t.scenarioVersion, version),
						// A scope of whole organisations only (totalsAnswer), so the unit column is never compared.
						scopeCondition(scope, { organisationId: t.organisationId, unitId: t.organisationId }),
						f.organisationId ? eq(t.organisationId, f.organisationId) : undefined
					)
				)
				.groupBy(t.fromState, t.event, t.late, t.firstAttempt)
				.all();
		}
		const t = scenarioChoiceCounts;
		return db
			.select({ fromState: t.fromState, event: t.event, late: t.late, firstAttempt: t.firstAttempt, n: sql<number>`sum(${t.n})`.mapWith(Number) })
			.from(t)
			.where(and(eq(t.scenarioSlug, slug), eq(t.scenarioVersion, version), ...groupConditions(t, scope, f), ...periodConditions(t, f)))
			.groupBy(t.fromState, t.event, t.late, t.firstAttempt)
			.all();
	});
}

/** Finished runs of one scenario version by attempt number and result. */
export function runRows(db: Db, slug: string, version: string, scope: Scope, f: InsightFilters): RunRow[] {
	return cachedRead(db, key('runs', slug, version, scope, f), () => {
		const t = scenarioRunCounts;
		return db
			.select({ attempt: t.attempt, passed: t.passed, n: sql<number>`sum(${t.n})`.mapWith(Number) })
			.from(t)
			.where(and(eq(t.scenarioSlug, slug), eq(t.scenarioVersion, version), ...groupConditions(t, scope, f), ...periodConditions(t, f)))
			.groupBy(t.attempt, t.passed)
			.all();
	});
}

/** First-attempt answers to one module version, by question, answer and score. */
export function answerRows(db: Db, slug: string, version: string, scope: Scope, f: InsightFilters): AnswerRow[] {
	return cachedRead(db, key('answers', slug, version, scope, f.organisationId, f.unitId, f.jobRole), () => {
		const t = quizAnswerCounts;
		return db
			.select({ questionId: t.questionId, answer: t.answer, score: t.score, n: sql<number>`sum(${t.n})`.mapWith(Number) })
			.from(t)
			.where(and(eq(t.moduleSlug, slug), eq(t.moduleVersion, version), ...groupConditions(t, scope, f)))
			.groupBy(t.questionId, t.answer, t.score)
			.all();
	});
}

/**
 * The versions of a module that have first-attempt answers anywhere, newest first. Which versions exist says nothing
 * about anyone, so the scope is not applied; each version is one seek along the read index (slug, version, ...),
 * a hop from one version to the next, instead of a scan over every count.
 */
export function answerVersions(db: Db, slug: string): string[] {
	return cachedRead(db, key('answer-versions', slug), () => {
		const t = quizAnswerCounts;
		const next = db
			.select({ version: min(t.moduleVersion) })
			.from(t)
			.where(and(eq(t.moduleSlug, sql.placeholder('slug')), gt(t.moduleVersion, sql.placeholder('after'))))
			.prepare();
		const versions: string[] = [];
		for (let after = ''; ;) {
			const version = next.get({ slug, after })?.version;
			if (!version) break;
			versions.push(version);
			after = version;
		}
		return versions.sort(compareVersions).reverse();
	});
}
