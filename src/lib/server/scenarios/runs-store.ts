/**
 * Scenario runs in the database: all the scenario area's SQL lives here. The engine (engine/run.ts) is
 * pure; this module keeps a run's snapshot, step and the time its current decision was shown, and steps it
 * inside one transaction with its audit entry. Every function takes the learner's id and only ever
 * touches that learner's runs.
 */
import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import { londonToday } from '../competency/dates';
import type { Framework } from '../competency/framework';
import { recordEvidence } from '../competency/ledger';
import type { Db } from '../db';
import { connectionOf, prepared } from '../db/prepared';
import { scenarioRuns, scenarioSteps, type ScenarioRun, type ScenarioStep } from '../db/schema';
import { countDecision } from './insight-counts';
import {
	applyChoice,
	currentView,
	REJECTION_MESSAGES,
	RunSnapshotError,
	startRun,
	summariseRun,
	effectiveDeadline,
	type ChoiceRejection,
	type TimeLimit,
	type RunView,
	type ScenarioDefinition,
	type StepRecord
} from './engine';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Reader = Db | Tx;

export type { ScenarioRun, ScenarioStep };
export type ScenarioStatus = 'not-started' | 'in-progress' | 'completed';

export const FINISHED_MESSAGE = REJECTION_MESSAGES.finished;
export const ABANDONED_MESSAGE =
	'This scenario has changed since you started this run, so the run cannot carry on. It has been closed without a result: please start again.';

/** Why a stored run can no longer be played, or null when it fits the scenario as it is now. */
function misfit(def: ScenarioDefinition, run: ScenarioRun): string | null {
	// A run is graded under one version only, so a changed scenario closes the runs started under the old one.
	if (run.scenarioVersion !== def.meta.version) {
		return `the scenario changed from version ${run.scenarioVersion} to ${def.meta.version}`;
	}
	try {
		const view = currentView(def, JSON.parse(run.snapshot));
		if (view.finished) return 'the stored run has ended but was not recorded as finished';
		return null;
	} catch (error) {
		if (error instanceof RunSnapshotError || error instanceof SyntaxError) return error.message;
		throw error;
	}
}

/** Closes a run that cannot be played any more: finished, with no outcome and no result. */
function abandon(tx: Tx, run: ScenarioRun, why: string, now: Date): void {
	const { changes } = tx
		.update(scenarioRuns)
		.set({ status: 'finished', finishedAt: now, outcome: null, passed: null, score: null, flags: null })
		.where(and(eq(scenarioRuns.id, run.id), eq(scenarioRuns.status, 'active')))
		.run();
	if (changes !== 1) return;
	appendAudit(tx, {
		actorId: run.personId,
		action: 'scenario-abandon',
		entity: 'scenario_run',
		entityId: run.id,
		detail: { scenario: run.scenarioSlug, version: run.scenarioVersion, step: run.step, reason: why },
		at: now
	});
}

function activeRun(db: Reader, personId: number, slug: string): ScenarioRun | undefined {
	return db
		.select()
		.from(scenarioRuns)
		.where(and(eq(scenarioRuns.personId, personId), eq(scenarioRuns.scenarioSlug, slug), eq(scenarioRuns.status, 'active')))
		.get();
}

export interface StartedRun {
	readonly run: ScenarioRun;
	readonly resumed: boolean;
	/** Set when an active run could not be resumed and was closed before a new one started. */
	readonly abandoned?: ScenarioRun;
}

/**
 * One active run per person per scenario: resume it if it still fits the scenario, else start one. The
 * time limits chosen on the way in apply to the run from then on (a resumed run takes the new choice).
 */
export function startOrResumeRun(db: Db, personId: number, def: ScenarioDefinition, now = new Date(), timeLimit: TimeLimit = 'standard'): StartedRun {
	return db.transaction(
		(tx) => {
			const active = activeRun(tx, personId, def.slug);
			if (active) {
				const why = misfit(def, active);
				if (why === null) return { run: changeTimeLimit(tx, active, timeLimit, now), resumed: true };
				abandon(tx, active, why, now);
			}
			const start = startRun(def);
			const run = tx
				.insert(scenarioRuns)
				.values({
					personId,
					scenarioSlug: def.slug,
					scenarioVersion: def.meta.version,
					snapshot: JSON.stringify(start.snapshot),
					step: start.step,
					shownAt: now,
					timeLimit,
					status: 'active',
					startedAt: now
				})
				.returning()
				.get();
			appendAudit(tx, {
				actorId: personId,
				action: 'scenario-start',
				entity: 'scenario_run',
				entityId: run.id,
				detail: { scenario: def.slug, version: def.meta.version, timeLimit },
				at: now
			});
			const closed = active ? getRun(tx, personId, active.id) : undefined;
			return { run, resumed: false, ...(closed ? { abandoned: closed } : {}) };
		},
		{ behavior: 'immediate' }
	);
}

/** A resumed run whose learner chose other time limits this time: stored, with its audit entry. */
function changeTimeLimit(tx: Tx, run: ScenarioRun, timeLimit: TimeLimit, now: Date): ScenarioRun {
	if (run.timeLimit === timeLimit) return run;
	tx.update(scenarioRuns).set({ timeLimit }).where(eq(scenarioRuns.id, run.id)).run();
	appendAudit(tx, {
		actorId: run.personId,
		action: 'scenario-time-limit',
		entity: 'scenario_run',
		entityId: run.id,
		detail: { scenario: run.scenarioSlug, step: run.step, from: run.timeLimit, to: timeLimit },
		at: now
	});
	return { ...run, timeLimit };
}

/**
 * A placeholder in an update's `set`, passed to SQLite as given (times as milliseconds, booleans as 1 or 0,
 * flags as JSON text): drizzle's `set` types take SQL there, not a bare placeholder.
 */
const param = (name: string) => sql`${sql.placeholder(name)}`;

/**
 * A run's statements, prepared once per connection (inside a transaction too): every decision a learner
 * makes runs them. The step and finish updates are compare-and-sets on the step the run was read at.
 */
function runStatements(db: Reader) {
	return prepared(connectionOf(db), 'scenario-runs', () => {
		const current = and(
			eq(scenarioRuns.id, sql.placeholder('runId')),
			eq(scenarioRuns.step, sql.placeholder('expectedStep')),
			eq(scenarioRuns.status, 'active')
		);
		return {
			get: db
				.select()
				.from(scenarioRuns)
				.where(and(eq(scenarioRuns.id, sql.placeholder('runId')), eq(scenarioRuns.personId, sql.placeholder('personId'))))
				.prepare(),
			step: db
				.update(scenarioRuns)
				.set({ snapshot: param('snapshot'), step: param('step'), shownAt: param('now') })
				.where(current)
				.prepare(),
			finish: db
				.update(scenarioRuns)
				.set({
					snapshot: param('snapshot'),
					step: param('step'),
					shownAt: param('now'),
					status: 'finished',
					finishedAt: param('now'),
					score: param('score'),
					outcome: param('outcome'),
					passed: param('passed'),
					flags: param('flags')
				})
				.where(current)
				.prepare(),
			insertStep: db
				.insert(scenarioSteps)
				.values({
					runId: sql.placeholder('runId'),
					step: sql.placeholder('step'),
					fromState: sql.placeholder('from'),
					event: sql.placeholder('chosenEvent'),
					appliedEvent: sql.placeholder('event'),
					toState: sql.placeholder('to'),
					feedback: sql.placeholder('feedback'),
					score: sql.placeholder('score'),
					flags: sql.placeholder('flags'),
					late: sql.placeholder('late'),
					at: sql.placeholder('at')
				})
				.prepare(),
			served: db
				.update(scenarioRuns)
				.set({ shownAt: param('now') })
				.where(current)
				.prepare(),
			steps: db
				.select()
				.from(scenarioSteps)
				.where(eq(scenarioSteps.runId, sql.placeholder('runId')))
				.orderBy(asc(scenarioSteps.step))
				.prepare()
		};
	});
}

/** The learner's own run, or undefined for anyone else's (the route answers 404). */
export function getRun(db: Reader, personId: number, runId: number): ScenarioRun | undefined {
	return runStatements(db).get.get({ runId, personId });
}

/** The decisions of a run, in order. Call only with a run already fetched for its owner. */
export function runSteps(db: Reader, runId: number): ScenarioStep[] {
	return runStatements(db).steps.all({ runId });
}

/** The decisions of a run in the engine's terms (for summariseRun, statePathOfRun and the debrief). */
export function runRecords(db: Reader, runId: number): StepRecord[] {
	return runSteps(db, runId).map(toStepRecord);
}

function toStepRecord(row: ScenarioStep): StepRecord {
	return {
		step: row.step,
		from: row.fromState,
		event: row.appliedEvent,
		chosenEvent: row.event,
		to: row.toState,
		feedback: row.feedback,
		score: row.score,
		flags: parseFlags(row.flags),
		late: row.late
	};
}

function parseFlags(json: string | null): string[] {
	if (json === null) return [];
	const value: unknown = JSON.parse(json);
	return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

export type OpenedRun =
	| { readonly kind: 'active'; readonly run: ScenarioRun; readonly view: RunView; readonly last: ScenarioStep | undefined }
	| { readonly kind: 'finished'; readonly run: ScenarioRun };

/**
 * What the play page shows for one of the learner's runs. A run that no longer fits the scenario is
 * closed here (once, idempotently) so the learner is told so instead of meeting an error. Serving a timed
 * decision starts its clock again (engine/timing.ts): a run resumed later is judged from when it was
 * served, never from when it was left. Untimed decisions write nothing.
 */
export function openRun(db: Db, personId: number, def: ScenarioDefinition, runId: number, now = new Date()): OpenedRun | undefined {
	const run = getRun(db, personId, runId);
	if (!run || run.scenarioSlug !== def.slug) return undefined;
	if (run.status === 'finished') return { kind: 'finished', run };
	const why = misfit(def, run);
	if (why !== null) {
		db.transaction((tx) => abandon(tx, run, why, now), { behavior: 'immediate' });
		return { kind: 'finished', run: getRun(db, personId, runId) ?? run };
	}
	const last = db.select().from(scenarioSteps).where(eq(scenarioSteps.runId, run.id)).orderBy(desc(scenarioSteps.step)).limit(1).get();
	const view = currentView(def, JSON.parse(run.snapshot));
	if (effectiveDeadline(view.deadlineSeconds, run.timeLimit) === null) return { kind: 'active', run, view, last };
	// A clock, not an action: the audit records the answers and their lateness, not each page view.
	const { changes } = runStatements(db).served.run({ runId: run.id, expectedStep: run.step, now: now.getTime() });
	return { kind: 'active', run: changes === 1 ? { ...run, shownAt: now } : run, view, last };
}

export interface StepInput {
	readonly runId: number;
	/** The event the learner chose. */
	readonly event: string;
	/** The step the learner's page was showing. */
	readonly step: number;
}

export type StepRejection = ChoiceRejection | 'not-found' | 'abandoned';

export type StepResult =
	| { readonly ok: true; readonly run: ScenarioRun; readonly record: StepRecord; readonly finished: boolean }
	| { readonly ok: false; readonly reason: StepRejection; readonly message: string };

/**
 * Applies one decision, all in one transaction: the stored step and shown-at time decide staleness and
 * lateness, a compare-and-set on the step keeps a replayed or racing post from applying twice, and the
 * step row, the result (when the run ends) and the audit entry are written together. A rejection
 * changes nothing, except that a run which no longer fits its scenario is closed.
 */
export function takeStep(db: Db, framework: Framework, personId: number, def: ScenarioDefinition, input: StepInput, now = new Date()): StepResult {
	return db.transaction(
		(tx): StepResult => {
			const run = getRun(tx, personId, input.runId);
			if (!run || run.scenarioSlug !== def.slug) return { ok: false, reason: 'not-found', message: 'That run was not found.' };
			if (run.status === 'finished') return { ok: false, reason: 'finished', message: FINISHED_MESSAGE };
			const why = misfit(def, run);
			if (why !== null) {
				abandon(tx, run, why, now);
				return { ok: false, reason: 'abandoned', message: ABANDONED_MESSAGE };
			}

			const result = applyChoice(def, JSON.parse(run.snapshot), {
				event: input.event,
				step: input.step,
				expectedStep: run.step,
				shownAt: run.shownAt,
				now,
				timeLimit: run.timeLimit
			});
			if (!result.ok) return result;

			const finished = def.stateById.get(result.record.to)?.kind === 'final';
			const summary = finished ? summariseRun(def, [...runRecords(tx, run.id), result.record]) : undefined;
			const q = runStatements(tx);
			const moved = { runId: run.id, expectedStep: run.step, snapshot: JSON.stringify(result.snapshot), step: result.step, now: now.getTime() };
			const { changes } = summary
				? q.finish.run({
						...moved,
						score: summary.score,
						outcome: summary.outcome,
						passed: summary.passed ? 1 : 0,
						flags: JSON.stringify(summary.flags.map((flag) => flag.id))
					})
				: q.step.run(moved);
			// Nothing has been written yet, so refusing here leaves the run exactly as it was.
			if (changes !== 1) return { ok: false, reason: 'stale-step', message: REJECTION_MESSAGES['stale-step'] };

			const { record } = result;
			q.insertStep.run({ runId: run.id, ...record, flags: JSON.stringify(record.flags), at: now });
			countDecision(tx, run, record, now, summary ? { passed: summary.passed } : undefined);
			appendAudit(tx, {
				actorId: personId,
				action: summary ? 'scenario-finish' : 'scenario-step',
				entity: 'scenario_run',
				entityId: run.id,
				detail: {
					scenario: def.slug,
					version: run.scenarioVersion,
					step: record.step,
					from: record.from,
					chosen: record.chosenEvent,
					applied: record.event,
					to: record.to,
					late: record.late,
					timeLimit: run.timeLimit,
					score: record.score,
					...(summary ? { outcome: summary.outcome, total: summary.score, passed: summary.passed } : {})
				},
				at: now
			});
			if (summary?.passed) {
				// Its own entry, so a pass (evidence for the scenario's competencies) can be found by action alone.
				appendAudit(tx, {
					actorId: personId,
					action: 'scenario-pass',
					entity: 'scenario_run',
					entityId: run.id,
					detail: { scenario: def.slug, version: run.scenarioVersion, score: summary.score, timeLimit: run.timeLimit, competencies: def.meta.competencies },
					at: now
				});
				recordEvidence(tx, framework, {
					personId,
					source: { scenario: def.slug },
					version: run.scenarioVersion,
					occurredOn: londonToday(now),
					recordedBy: personId,
					at: now
				});
			}
			const saved = getRun(tx, personId, run.id) ?? run;
			return { ok: true, run: saved, record, finished: summary !== undefined };
		},
		{ behavior: 'immediate' }
	);
}

/** The learner's runs, newest first; of one scenario when a slug is given. */
export function listRuns(db: Reader, personId: number, slug?: string): ScenarioRun[] {
	const condition = slug === undefined ? eq(scenarioRuns.personId, personId) : and(eq(scenarioRuns.personId, personId), eq(scenarioRuns.scenarioSlug, slug));
	return db.select().from(scenarioRuns).where(condition).orderBy(desc(scenarioRuns.startedAt), desc(scenarioRuns.id)).all();
}

/** Slug → status for the task lists: completed once any run passed, in progress once any run began. */
export function scenarioStatuses(db: Reader, personId: number): Map<string, ScenarioStatus> {
	const statement = prepared(connectionOf(db), 'scenario-statuses', () =>
		db
			.select({ slug: scenarioRuns.scenarioSlug, passed: max(scenarioRuns.passed) })
			.from(scenarioRuns)
			.where(eq(scenarioRuns.personId, sql.placeholder('personId')))
			.groupBy(scenarioRuns.scenarioSlug)
			.prepare()
	);
	const rows = statement.all({ personId });
	return new Map(rows.map((row) => [row.slug, row.passed === true ? 'completed' : 'in-progress']));
}

/**
 * The time limits each of a person's passes was played under, keyed by `slug|finishedAt` in milliseconds:
 * a pass's evidence is recorded at the very moment its run finishes, so the training record can say how
 * each scenario pass was timed.
 */
export function passTimeLimits(db: Reader, personId: number): Map<string, TimeLimit> {
	const rows = db
		.select({ slug: scenarioRuns.scenarioSlug, finishedAt: scenarioRuns.finishedAt, timeLimit: scenarioRuns.timeLimit })
		.from(scenarioRuns)
		.where(and(eq(scenarioRuns.personId, personId), eq(scenarioRuns.passed, true)))
		.all();
	return new Map(rows.filter((row) => row.finishedAt !== null).map((row) => [passKey(row.slug, row.finishedAt!), row.timeLimit]));
}

export const passKey = (slug: string, at: Date) => `${slug}|${at.getTime()}`;
