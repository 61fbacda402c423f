import { and, desc, eq, gt, max, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { connectionOf, prepared } from '../db/prepared';
import { moduleCompletions, moduleProgress, quizAttempts, reflections } from '../db/schema';
import { recordEvidence } from '../competency/ledger';
import { londonToday } from '../competency/dates';
import type { Framework } from '../competency/framework';
import { countFirstAttempt } from './answer-counts';
import { grade, type Answers, type GradeResult } from './grading';
import type { ModuleDefinition } from './parse';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type ModuleStatus = 'not-started' | 'in-progress' | 'completed';

/**
 * The queries about one learner and one module, prepared once per connection (inside a transaction too): the
 * module page runs them on every view, and every section read or attempt runs them to see if the module is done.
 */
function progressStatements(db: Db | Tx) {
	const person = sql.placeholder('personId');
	const slug = sql.placeholder('slug');
	return prepared(connectionOf(db), 'module-progress', () => ({
		lastCompletion: db
			.select()
			.from(moduleCompletions)
			.where(and(eq(moduleCompletions.personId, person), eq(moduleCompletions.moduleSlug, slug)))
			.orderBy(desc(moduleCompletions.completedAt), desc(moduleCompletions.id))
			.limit(1)
			.prepare(),
		sectionsRead: db
			.select({ sectionId: moduleProgress.sectionId })
			.from(moduleProgress)
			.where(and(eq(moduleProgress.personId, person), eq(moduleProgress.moduleSlug, slug), gt(moduleProgress.readAt, sql.placeholder('since'))))
			.prepare(),
		passingAttempt: db
			.select({ id: quizAttempts.id, score: quizAttempts.score })
			.from(quizAttempts)
			.where(
				and(
					eq(quizAttempts.personId, person),
					eq(quizAttempts.moduleSlug, slug),
					eq(quizAttempts.moduleVersion, sql.placeholder('version')),
					eq(quizAttempts.passed, true),
					gt(quizAttempts.submittedAt, sql.placeholder('since'))
				)
			)
			.orderBy(desc(quizAttempts.submittedAt), desc(quizAttempts.id))
			.limit(1)
			.prepare(),
		lastAttempt: db
			.select()
			.from(quizAttempts)
			.where(and(eq(quizAttempts.personId, person), eq(quizAttempts.moduleSlug, slug)))
			.orderBy(desc(quizAttempts.submittedAt), desc(quizAttempts.id))
			.limit(1)
			.prepare(),
		attemptCount: db
			.select({ n: sql<number>`count(*)` })
			.from(quizAttempts)
			.where(and(eq(quizAttempts.personId, person), eq(quizAttempts.moduleSlug, slug)))
			.prepare(),
		reflections: db
			.select({ id: reflections.reflectionId, body: reflections.body })
			.from(reflections)
			.where(and(eq(reflections.personId, person), eq(reflections.moduleSlug, slug)))
			.prepare()
	}));
}

function lastCompletion(db: Db | Tx, personId: number, slug: string) {
	return progressStatements(db).lastCompletion.get({ personId, slug });
}

/** A cycle starts just after the last completion: a refresher means reading and passing again. */
function cycleStart(db: Db | Tx, personId: number, slug: string): Date {
	return lastCompletion(db, personId, slug)?.completedAt ?? new Date(0);
}

function sectionsReadSince(db: Db | Tx, personId: number, module: ModuleDefinition, since: Date): Set<string> {
	const rows = progressStatements(db).sectionsRead.all({ personId, slug: module.slug, since: since.getTime() });
	const known = new Set(module.sections.map((s) => s.id));
	return new Set(rows.map((r) => r.sectionId).filter((id) => known.has(id)));
}

function passingAttemptSince(db: Db | Tx, personId: number, module: ModuleDefinition, since: Date) {
	return progressStatements(db).passingAttempt.get({ personId, slug: module.slug, version: module.meta.version, since: since.getTime() });
}

/** Records a completion when every section is read and the knowledge check passed in this cycle. */
function completeIfReady(tx: Tx, framework: Framework, personId: number, module: ModuleDefinition, now: Date): boolean {
	const since = cycleStart(tx, personId, module.slug);
	if (sectionsReadSince(tx, personId, module, since).size < module.sections.length) return false;
	const attempt = passingAttemptSince(tx, personId, module, since);
	if (!attempt) return false;
	const row = tx
		.insert(moduleCompletions)
		.values({ personId, moduleSlug: module.slug, moduleVersion: module.meta.version, attemptId: attempt.id, score: attempt.score, completedAt: now })
		.returning({ id: moduleCompletions.id })
		.get();
	appendAudit(tx, {
		actorId: personId,
		action: 'module-complete',
		entity: 'module_completion',
		entityId: row.id,
		detail: { module: module.slug, version: module.meta.version, score: attempt.score },
		at: now
	});
	recordEvidence(tx, framework, {
		personId,
		source: { module: module.slug },
		version: module.meta.version,
		occurredOn: londonToday(now),
		recordedBy: personId,
		at: now
	});
	return true;
}

export function markSectionRead(
	db: Db,
	framework: Framework,
	personId: number,
	module: ModuleDefinition,
	sectionId: string,
	now = new Date()
): { completed: boolean } {
	if (!module.sections.some((s) => s.id === sectionId)) throw new Error(`Unknown section ${sectionId}`);
	return db.transaction((tx) => {
		tx.insert(moduleProgress)
			.values({ personId, moduleSlug: module.slug, sectionId, readAt: now })
			.onConflictDoUpdate({ target: [moduleProgress.personId, moduleProgress.moduleSlug, moduleProgress.sectionId], set: { readAt: now } })
			.run();
		return { completed: completeIfReady(tx, framework, personId, module, now) };
	});
}

export function submitAttempt(
	db: Db,
	framework: Framework,
	personId: number,
	module: ModuleDefinition,
	answers: Answers,
	now = new Date()
): { attemptId: number; result: GradeResult; completed: boolean } {
	const result = grade(module.quiz, answers, module.meta.passMark);
	return db.transaction((tx) => {
		const row = tx
			.insert(quizAttempts)
			.values({
				personId,
				moduleSlug: module.slug,
				moduleVersion: module.meta.version,
				answers: JSON.stringify(answers),
				correct: result.correct,
				total: result.total,
				score: result.score,
				passed: result.passed,
				submittedAt: now
			})
			.returning({ id: quizAttempts.id })
			.get();
		countFirstAttempt(tx, { id: row.id, personId, moduleSlug: module.slug, moduleVersion: module.meta.version, answers, score: result.score });
		appendAudit(tx, {
			actorId: personId,
			action: 'quiz-attempt',
			entity: 'quiz_attempt',
			entityId: row.id,
			detail: { module: module.slug, version: module.meta.version, score: result.score, passed: result.passed },
			at: now
		});
		return { attemptId: row.id, result, completed: completeIfReady(tx, framework, personId, module, now) };
	});
}

/**
 * Everything the module page needs about one learner and one module. Straight after a completion,
 * before any refresher activity, the completed cycle is shown (all read, passed) rather than an empty one.
 */
export function moduleState(db: Db, personId: number, module: ModuleDefinition) {
	const q = progressStatements(db);
	const completion = lastCompletion(db, personId, module.slug);
	const since = completion?.completedAt ?? new Date(0);
	const readNow = sectionsReadSince(db, personId, module, since);
	const lastAttempt = q.lastAttempt.get({ personId, slug: module.slug });
	const attemptCount = q.attemptCount.get({ personId, slug: module.slug })!.n;
	const refresherStarted = readNow.size > 0 || (!!lastAttempt && lastAttempt.submittedAt > since);
	const showCompletedCycle = !!completion && !refresherStarted;
	return {
		completion: completion ?? null,
		read: showCompletedCycle ? module.sections.map((s) => s.id) : [...readNow],
		lastAttempt: lastAttempt ?? null,
		attemptCount,
		passedThisCycle: showCompletedCycle || !!passingAttemptSince(db, personId, module, since),
		/** Completed, and no refresher begun: marking a section read now would start one (the page asks first). */
		completedCycleShown: showCompletedCycle
	};
}

export type LearnerModuleStatus = { status: ModuleStatus; completedAt: Date | null; version: string | null };

/** Status of every module for one learner, in three grouped queries, prepared once per connection. */
export function moduleStatuses(db: Db, personId: number): Map<string, LearnerModuleStatus> {
	const q = prepared(db, 'module-statuses', () => ({
		completed: db
			.select({ slug: moduleCompletions.moduleSlug, at: max(moduleCompletions.completedAt), version: sql<string>`max(${moduleCompletions.moduleVersion})` })
			.from(moduleCompletions)
			.where(eq(moduleCompletions.personId, sql.placeholder('personId')))
			.groupBy(moduleCompletions.moduleSlug)
			.prepare(),
		read: db
			.selectDistinct({ slug: moduleProgress.moduleSlug })
			.from(moduleProgress)
			.where(eq(moduleProgress.personId, sql.placeholder('personId')))
			.prepare(),
		attempted: db
			.selectDistinct({ slug: quizAttempts.moduleSlug })
			.from(quizAttempts)
			.where(eq(quizAttempts.personId, sql.placeholder('personId')))
			.prepare()
	}));
	const completed = q.completed.all({ personId });
	const started = new Set([...q.read.all({ personId }).map((r) => r.slug), ...q.attempted.all({ personId }).map((r) => r.slug)]);
	const out = new Map<string, LearnerModuleStatus>();
	for (const slug of started) out.set(slug, { status: 'in-progress', completedAt: null, version: null });
	for (const c of completed) out.set(c.slug, { status: 'completed', completedAt: c.at ? new Date(c.at) : null, version: c.version });
	return out;
}

export function reflectionsFor(db: Db, personId: number, slug: string): Record<string, string> {
	return Object.fromEntries(
		progressStatements(db)
			.reflections.all({ personId, slug })
			.map((r) => [r.id, r.body])
	);
}

export function saveReflection(db: Db, personId: number, slug: string, reflectionId: string, body: string, now = new Date()) {
	db.insert(reflections)
		.values({ personId, moduleSlug: slug, reflectionId, body, updatedAt: now })
		.onConflictDoUpdate({ target: [reflections.personId, reflections.moduleSlug, reflections.reflectionId], set: { body, updatedAt: now } })
		.run();
}
