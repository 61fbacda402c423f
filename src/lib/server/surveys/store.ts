/**
 * All the SQL of learner evaluation. An answer is stored in two places that nothing joins: `survey_answered` says
 * that a person has answered for a module or scenario version (so a second answer is refused), and
 * `survey_responses` with its `survey_ratings` holds what they said, with their organisation, unit, job role and the
 * month, but no person id, no time finer than the month and a random id (the tables are WITHOUT ROWID, so row order
 * says nothing either). The audit entry names the subject, never the answer.
 */
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { PeopleScope } from '../access/policy';
import { scopeCondition } from '../access/scope-sql';
import { addMonths } from '../competency/dates';
import type { Db } from '../db';
import { connectionOf, prepared } from '../db/prepared';
import { cachedRead } from '../db/read-cache';
import { moduleCompletions, scenarioRuns, surveyAnswered, surveyRatings, surveyResponses } from '../db/schema';
import type { SurveyKind } from './definition';

/** The scope of an insights reader: everyone, or some organisations and units (never one person). */
export type InsightsScope = Exclude<PeopleScope, { kind: 'self' }>;

export type Respondent = { id: number; organisationId: number; unitId: number; jobRole: string };
export type SurveySubject = { kind: SurveyKind; slug: string; version: string };
export type SurveyAnswer = { ratings: Record<string, number>; comment: string | null };

const LONDON_MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' });

/** 'YYYY-MM' in London: the only time an answer keeps. */
export function londonMonth(now = new Date()): string {
	return LONDON_MONTH.format(now).slice(0, 7);
}

/**
 * The version a person may give their view of: that of their latest completion of the module, or of their latest
 * scenario run that finished with an outcome (a run closed without a result does not count). Null: nothing to rate yet.
 */
export function versionToRate(db: Db, personId: number, kind: SurveyKind, slug: string): string | null {
	if (kind === 'module') {
		const row = db
			.select({ version: moduleCompletions.moduleVersion })
			.from(moduleCompletions)
			.where(and(eq(moduleCompletions.personId, personId), eq(moduleCompletions.moduleSlug, slug)))
			.orderBy(desc(moduleCompletions.completedAt))
			.limit(1)
			.get();
		return row?.version ?? null;
	}
	const row = db
		.select({ version: scenarioRuns.scenarioVersion })
		.from(scenarioRuns)
		.where(and(eq(scenarioRuns.personId, personId), eq(scenarioRuns.scenarioSlug, slug), eq(scenarioRuns.status, 'finished'), isNotNull(scenarioRuns.outcome)))
		.orderBy(desc(scenarioRuns.startedAt))
		.limit(1)
		.get();
	return row?.version ?? null;
}

/** Whether a person has answered for a subject version: asked on every view of a completed module, so prepared once per connection. */
export function hasAnswered(db: Db, personId: number, subject: SurveySubject): boolean {
	const answered = prepared(connectionOf(db), 'survey-answered', () =>
		db
			.select({ one: sql`1` })
			.from(surveyAnswered)
			.where(
				and(
					eq(surveyAnswered.personId, sql.placeholder('personId')),
					eq(surveyAnswered.kind, sql.placeholder('kind')),
					eq(surveyAnswered.subjectSlug, sql.placeholder('slug')),
					eq(surveyAnswered.subjectVersion, sql.placeholder('version'))
				)
			)
			.prepare()
	);
	return !!answered.get({ personId, kind: subject.kind, slug: subject.slug, version: subject.version });
}

/**
 * Stores one answer, once per person per subject version: `already` (and nothing written) when they have answered.
 * The mark, the answer and the audit entry are written together or not at all.
 */
export function saveAnswer(db: Db, person: Respondent, subject: SurveySubject, answer: SurveyAnswer, now = new Date()): 'saved' | 'already' {
	return db.transaction((tx) => {
		const marked = tx
			.insert(surveyAnswered)
			.values({ personId: person.id, kind: subject.kind, subjectSlug: subject.slug, subjectVersion: subject.version })
			.onConflictDoNothing()
			.run();
		if (marked.changes === 0) return 'already';
		const id = randomUUID();
		tx.insert(surveyResponses)
			.values({
				id,
				kind: subject.kind,
				subjectSlug: subject.slug,
				subjectVersion: subject.version,
				organisationId: person.organisationId,
				unitId: person.unitId,
				jobRole: person.jobRole,
				month: londonMonth(now),
				comment: answer.comment
			})
			.run();
		tx.insert(surveyRatings)
			.values(Object.entries(answer.ratings).map(([itemId, rating]) => ({ responseId: id, itemId, rating })))
			.run();
		// The entry says that they answered (as survey_answered does), never which answer is theirs.
		appendAudit(tx, {
			actorId: person.id,
			action: 'survey-answered',
			entity: subject.kind,
			entityId: subject.slug,
			detail: { version: subject.version },
			at: now
		});
		return 'saved';
	});
}

/** Which answers a reading covers: one subject, optionally one version, within the reader's scope. */
export type ResponseFilter = { kind: SurveyKind; slug: string; version?: string | null; scope: InsightsScope };

function responseConditions(filter: ResponseFilter) {
	return and(
		eq(surveyResponses.kind, filter.kind),
		eq(surveyResponses.subjectSlug, filter.slug),
		filter.version ? eq(surveyResponses.subjectVersion, filter.version) : undefined,
		scopeCondition(filter.scope, { organisationId: surveyResponses.organisationId, unitId: surveyResponses.unitId })
	);
}

/**
 * How many answers each module and scenario has within a scope (one grouped query over the scope's index), kept until
 * the next write (db/read-cache.ts): every reader of the same scope between two writes shares it.
 */
export function responseCounts(db: Db, scope: InsightsScope): { kind: SurveyKind; slug: string; responses: number }[] {
	return cachedRead(db, `surveys:response-counts:${JSON.stringify(scope)}`, () =>
		db
			.select({ kind: surveyResponses.kind, slug: surveyResponses.subjectSlug, responses: count() })
			.from(surveyResponses)
			.where(scopeCondition(scope, { organisationId: surveyResponses.organisationId, unitId: surveyResponses.unitId }))
			.groupBy(surveyResponses.kind, surveyResponses.subjectSlug)
			.all()
	);
}

/** The versions answered for, within a scope (for the version filter). */
export function answeredVersions(db: Db, filter: Omit<ResponseFilter, 'version'>): string[] {
	return db
		.selectDistinct({ version: surveyResponses.subjectVersion })
		.from(surveyResponses)
		.where(responseConditions(filter))
		.orderBy(surveyResponses.subjectVersion)
		.all()
		.map((r) => r.version);
}

export type RatingTally = { itemId: string; rating: number; answers: number };

/** The number of answers and, per rating item, how many gave each rating: the exact figures, before disclosure control. */
export function tallyAnswers(db: Db, filter: ResponseFilter): { responses: number; tallies: RatingTally[] } {
	const where = responseConditions(filter);
	const responses = db.select({ n: count() }).from(surveyResponses).where(where).get()?.n ?? 0;
	const tallies = db
		.select({ itemId: surveyRatings.itemId, rating: surveyRatings.rating, answers: count() })
		.from(surveyRatings)
		.innerJoin(surveyResponses, eq(surveyResponses.id, surveyRatings.responseId))
		.where(where)
		.groupBy(surveyRatings.itemId, surveyRatings.rating)
		.all();
	return { responses, tallies };
}

/** The free-text answers, newest month first (within a month in no meaningful order: the key is random). */
export function comments(db: Db, filter: ResponseFilter): { month: string; comment: string }[] {
	return db
		.select({ month: surveyResponses.month, comment: sql<string>`${surveyResponses.comment}` })
		.from(surveyResponses)
		.where(and(responseConditions(filter), isNotNull(surveyResponses.comment)))
		.orderBy(desc(surveyResponses.month), surveyResponses.id)
		.all();
}

/** How long survey answers are kept, in whole months by the month they carry, unless SURVEY_RETENTION_MONTHS says otherwise. */
export const DEFAULT_SURVEY_RETENTION_MONTHS = 36;

/** The first month still kept: answers of earlier months are past retention ('YYYY-MM', London). */
export function firstKeptMonth(retentionMonths: number, now = new Date()): string {
	return addMonths(`${londonMonth(now)}-01`, -(retentionMonths - 1)).slice(0, 7);
}

/**
 * Deletes answers (with their ratings) whose month is before `keepFrom`, at most `batch` per transaction, and then the
 * "has answered" marks of subject versions that no longer have any answer: a mark only refuses a second answer, and
 * with the answers gone there is nothing left for it to protect.
 */
export function purgeSurveyAnswers(db: Db, keepFrom: string, batch: number): { answers: number; marks: number } {
	const client = db.$client;
	const old = 'select id from survey_responses where month < ? limit ?';
	const ratings = client.prepare(`delete from survey_ratings where response_id in (${old})`);
	const responses = client.prepare(`delete from survey_responses where id in (${old})`);
	const deleteBatch = client.transaction(() => {
		ratings.run(keepFrom, batch);
		return responses.run(keepFrom, batch).changes;
	});
	let answers = 0;
	for (let deleted = batch; deleted === batch; answers += deleted) deleted = deleteBatch();
	if (answers === 0) return { answers, marks: 0 };
	const marks = client
		.prepare(
			`delete from survey_answered where not exists (select 1 from survey_responses r
			   where r.kind = survey_answered.kind and r.subject_slug = survey_answered.subject_slug and r.subject_version = survey_answered.subject_version)`
		)
		.run().changes;
	return { answers, marks };
}
