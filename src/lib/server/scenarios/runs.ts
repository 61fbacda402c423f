/**
 * Scenario runs in the database. The engine (run.ts) is pure; this module keeps a run's snapshot, step
 * and the time its current decision was shown, and steps it inside one transaction with its audit entry.
 * Every function takes the learner's id and only ever touches that learner's runs.
 */
import { londonToday } from '../competency/dates';
import type { Framework } from '../competency/framework';
import { recordEvidence } from '../competency/ledger';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { statementsFor } from '../db/prepared';
import { scenarioRuns, scenarioSteps, type ScenarioRun, type ScenarioStep } from '../db/schema';
import { applyChoice, currentView, REJECTION_MESSAGES, RunSnapshotError, startRun, summariseRun, type ChoiceRejection, type RunView, type StepRecord } from './run';
import type { ScenarioDefinition } from './types';

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

/** A finished run with no outcome was closed because the scenario changed under it. */
export function isAbandoned(run: Pick<ScenarioRun, 'status' | 'outcome'>): boolean {
	return run.status === 'finished' && run.outcome === null;
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

/** One active run per person per scenario: resume it if it still fits the scenario, else start one. */
export function startOrResumeRun(db: Db, personId: number, def: ScenarioDefinition, now = new Date()): StartedRun {
	return db.transaction(
		(tx) => {
			const active = activeRun(tx, personId, def.slug);
			if (active) {
				const why = misfit(def, active);
				if (why === null) return { run: active, resumed: true };
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
				detail: { scenario: def.slug, version: def.meta.version },
				at: now
			});
			const closed = active ? getRun(tx, personId, active.id) : undefined;
			return { run, resumed: false, ...(closed ? { abandoned: closed } : {}) };
		},
		{ behavior: 'immediate' }
	);
}

/** A run's statements, prepared once per connection: every decision a learner makes runs them. */
function runStatements(db: Reader) {
	return statementsFor(db, 'scenario-runs', (c) => ({
		get: c.prepare(
			'select id, person_id, scenario_slug, scenario_version, snapshot, step, shown_at, status, started_at, finished_at, score, outcome, passed, flags from scenario_runs where id = ? and person_id = ?'
		),
		step: c.prepare("update scenario_runs set snapshot = ?, step = ?, shown_at = ? where id = ? and step = ? and status = 'active'"),
		finish: c.prepare(
			"update scenario_runs set snapshot = ?, step = ?, shown_at = ?, status = 'finished', finished_at = ?, score = ?, outcome = ?, passed = ?, flags = ? where id = ? and step = ? and status = 'active'"
		),
		insertStep: c.prepare('insert into scenario_steps (run_id, step, from_state, event, applied_event, to_state, feedback, score, flags, late, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
	}));
}

type RunRow = {
	id: number;
	person_id: number;
	scenario_slug: string;
	scenario_version: string;
	snapshot: string;
	step: number;
	shown_at: number;
	status: 'active' | 'finished';
	started_at: number;
	finished_at: number | null;
	score: number | null;
	outcome: string | null;
	passed: number | null;
	flags: string | null;
};

/** A stored row as drizzle would map it: times as dates, passed as a boolean. */
function toRun(r: RunRow): ScenarioRun {
	return {
		id: r.id,
		personId: r.person_id,
		scenarioSlug: r.scenario_slug,
		scenarioVersion: r.scenario_version,
		snapshot: r.snapshot,
		step: r.step,
		shownAt: new Date(r.shown_at),
		status: r.status,
		startedAt: new Date(r.started_at),
		finishedAt: r.finished_at === null ? null : new Date(r.finished_at),
		score: r.score,
		outcome: r.outcome,
		passed: r.passed === null ? null : r.passed === 1,
		flags: r.flags
	};
}

/** The learner's own run, or undefined for anyone else's (the route answers 404). */
export function getRun(db: Reader, personId: number, runId: number): ScenarioRun | undefined {
	const row = runStatements(db).get.get(runId, personId) as RunRow | undefined;
	return row ? toRun(row) : undefined;
}

/** The decisions of a run, in order. Call only with a run already fetched for its owner. */
export function runSteps(db: Reader, runId: number): ScenarioStep[] {
	return db.select().from(scenarioSteps).where(eq(scenarioSteps.runId, runId)).orderBy(asc(scenarioSteps.step)).all();
}

/** A stored step in the engine's terms, for summariseRun and statePathOfRun. */
export function toStepRecord(row: ScenarioStep): StepRecord {
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

export function parseFlags(json: string | null): string[] {
	if (json === null) return [];
	const value: unknown = JSON.parse(json);
	return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

export type OpenedRun =
	| { readonly kind: 'active'; readonly run: ScenarioRun; readonly view: RunView; readonly last: ScenarioStep | undefined }
	| { readonly kind: 'finished'; readonly run: ScenarioRun };

/**
 * What the play page shows for one of the learner's runs. A run that no longer fits the scenario is
 * closed here (once, idempotently) so the learner is told so instead of meeting an error.
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
	const last = db
		.select()
		.from(scenarioSteps)
		.where(eq(scenarioSteps.runId, run.id))
		.orderBy(desc(scenarioSteps.step))
		.limit(1)
		.get();
	return { kind: 'active', run, view: currentView(def, JSON.parse(run.snapshot)), last };
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
				now
			});
			if (!result.ok) return result;

			const finished = def.stateById.get(result.record.to)?.kind === 'final';
			const summary = finished
				? summariseRun(def, [...runSteps(tx, run.id).map(toStepRecord), result.record])
				: undefined;
			const q = runStatements(tx);
			const snapshot = JSON.stringify(result.snapshot);
			const { changes } = summary
				? q.finish.run(snapshot, result.step, now.getTime(), now.getTime(), summary.score, summary.outcome, summary.passed ? 1 : 0, JSON.stringify(summary.flags.map((flag) => flag.id)), run.id, run.step)
				: q.step.run(snapshot, result.step, now.getTime(), run.id, run.step);
			// Nothing has been written yet, so refusing here leaves the run exactly as it was.
			if (changes !== 1) return { ok: false, reason: 'stale-step', message: REJECTION_MESSAGES['stale-step'] };

			const { record } = result;
			q.insertStep.run(run.id, record.step, record.from, record.chosenEvent, record.event, record.to, record.feedback, record.score, JSON.stringify(record.flags), record.late ? 1 : 0, now.getTime());
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
					detail: { scenario: def.slug, version: run.scenarioVersion, score: summary.score, competencies: def.meta.competencies },
					at: now
				});
				recordEvidence(tx, framework, { personId, source: { scenario: def.slug }, version: run.scenarioVersion, occurredOn: londonToday(now), recordedBy: personId, at: now });
			}
			const saved = getRun(tx, personId, run.id) ?? run;
			return { ok: true, run: saved, record, finished: summary !== undefined };
		},
		{ behavior: 'immediate' }
	);
}

/** The learner's runs, newest first; of one scenario when a slug is given. */
export function listRuns(db: Reader, personId: number, slug?: string): ScenarioRun[] {
	const condition = slug === undefined
		? eq(scenarioRuns.personId, personId)
		: and(eq(scenarioRuns.personId, personId), eq(scenarioRuns.scenarioSlug, slug));
	return db.select().from(scenarioRuns).where(condition).orderBy(desc(scenarioRuns.startedAt), desc(scenarioRuns.id)).all();
}

/** Slug → status for the task lists: completed once any run passed, in progress once any run began. */
export function scenarioStatuses(db: Reader, personId: number): Map<string, ScenarioStatus> {
	const statement = statementsFor(db, 'scenario-statuses', (c) => c.prepare('select scenario_slug as slug, max(passed) as passed from scenario_runs where person_id = ? group by scenario_slug'));
	const rows = statement.all(personId) as { slug: string; passed: number | null }[];
	return new Map(rows.map((row) => [row.slug, row.passed === 1 ? 'completed' : 'in-progress']));
}
