import { mkdtempSync, rmSync } from 'node:fs';
import { testFramework } from '$testing/framework';
import { evidence } from '../db/schema';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import { openDb, type Db } from '../db';
import { auditLog, scenarioRuns, scenarioSteps } from '../db/schema';
import { addPersonOnTheirOwn, testDb } from '$testing/fixtures';
import { findScenario, scenarioAnalysis } from '../content';
import { currentView } from './engine';
import { isAbandoned } from './presentation/run-result';
import { getRun, listRuns, openRun, runRecords, runSteps, scenarioStatuses, startOrResumeRun, takeStep, type ScenarioRun } from './runs-store';

const framework = testFramework();

const SLUG = 'prone-restraint-cant-breathe';
const def = findScenario(SLUG)!;
const analysis = scenarioAnalysis(SLUG)!;
const t = (seconds: number) => new Date(Date.UTC(2026, 10, 27, 23, 42, seconds));

function newPerson(db: Db) {
	return addPersonOnTheirOwn(db).id;
}

/** Everything a rejected step must leave alone. */
function snapshotOf(db: Db, runId: number) {
	const run = db.select().from(scenarioRuns).where(eq(scenarioRuns.id, runId)).get()!;
	return {
		run,
		steps: db.select({ n: count() }).from(scenarioSteps).where(eq(scenarioSteps.runId, runId)).get()!.n,
		audit: db.select({ n: count() }).from(auditLog).get()!.n
	};
}

/** Plays the best path from the run's current step, a second per decision. */
function playBestPath(db: Db, personId: number, run: ScenarioRun, from = 0) {
	let result;
	for (const [i, event] of analysis.bestPath.entries()) {
		if (i < from) continue;
		result = takeStep(db, framework, personId, def, { runId: run.id, event, step: i }, t(i + 1));
		expect(result, `step ${i} (${event})`).toMatchObject({ ok: true });
	}
	return result;
}

describe('scenario runs', () => {
	let db: Db;
	let personId: number;
	beforeEach(() => {
		db = testDb();
		personId = newPerson(db);
	});

	it('starts one run, records the version and when the first decision was shown, and resumes it', () => {
		const started = startOrResumeRun(db, personId, def, t(0));
		expect(started.resumed).toBe(false);
		expect(started.run).toMatchObject({ scenarioSlug: SLUG, scenarioVersion: def.meta.version, step: 0, status: 'active', shownAt: t(0) });
		const again = startOrResumeRun(db, personId, def, t(30));
		expect(again).toMatchObject({ resumed: true, run: { id: started.run.id, shownAt: t(0) } });
		expect(db.select({ n: count() }).from(scenarioRuns).get()!.n).toBe(1);
		// the database itself refuses a second active run for the same person and scenario
		expect(() =>
			db
				.insert(scenarioRuns)
				.values({ ...started.run, id: undefined })
				.run()
		).toThrow(/UNIQUE/);
	});

	it('moves on a step, stores the step row, and shows the decision time as the moment of the step', () => {
		const { run } = startOrResumeRun(db, personId, def, t(0));
		const result = takeStep(db, framework, personId, def, { runId: run.id, event: 'RELIEVE', step: 0 }, t(10));
		expect(result).toMatchObject({ ok: true, finished: false, run: { step: 1, shownAt: t(10), status: 'active' } });
		expect(runSteps(db, run.id)).toEqual([
			expect.objectContaining({
				step: 0,
				fromState: 'faceDown',
				event: 'RELIEVE',
				appliedEvent: 'RELIEVE',
				toState: 'onSide',
				score: 3,
				late: false,
				at: t(10)
			})
		]);
		expect(runRecords(db, run.id)).toEqual([
			{ step: 0, from: 'faceDown', event: 'RELIEVE', chosenEvent: 'RELIEVE', to: 'onSide', feedback: expect.any(String), score: 3, flags: [], late: false }
		]);
		const opened = openRun(db, personId, def, run.id, t(11));
		expect(opened).toMatchObject({ kind: 'active', view: { stateId: 'onSide' }, last: { event: 'RELIEVE' } });
	});

	it('survives a restart: a new database handle on the same file resumes at the same state and step', () => {
		const dir = mkdtempSync(join(tmpdir(), 'scenario-runs-'));
		const path = join(dir, 'academy.db');
		try {
			const first = openDb(path);
			const owner = newPerson(first);
			const { run } = startOrResumeRun(first, owner, def, t(0));
			expect(takeStep(first, framework, owner, def, { runId: run.id, event: analysis.bestPath[0]!, step: 0 }, t(5)).ok).toBe(true);
			first.$client.close();

			const second = openDb(path);
			const resumed = startOrResumeRun(second, owner, def, t(20));
			expect(resumed).toMatchObject({ resumed: true, run: { id: run.id, step: 1, shownAt: t(5) } });
			expect(currentView(def, JSON.parse(resumed.run.snapshot)).stateId).toBe(analysis.bestPathStates[1]);
			const next = takeStep(second, framework, owner, def, { runId: run.id, event: analysis.bestPath[1]!, step: 1 }, t(21));
			expect(next).toMatchObject({ ok: true, run: { step: 2 } });
			second.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('rejects an event that is not a choice here, changing nothing', () => {
		const { run } = startOrResumeRun(db, personId, def, t(0));
		const before = snapshotOf(db, run.id);
		// HESITATE is a transition, but only the server may apply it
		for (const event of ['NOPE', 'HESITATE', 'SIT_UP']) {
			expect(takeStep(db, framework, personId, def, { runId: run.id, event, step: 0 }, t(3))).toMatchObject({ ok: false, reason: 'not-allowed' });
		}
		expect(snapshotOf(db, run.id)).toEqual(before);
	});

	it('rejects a replayed or stale step, changing nothing', () => {
		const { run } = startOrResumeRun(db, personId, def, t(0));
		expect(takeStep(db, framework, personId, def, { runId: run.id, event: 'RELIEVE', step: 0 }, t(2)).ok).toBe(true);
		const before = snapshotOf(db, run.id);
		const replay = takeStep(db, framework, personId, def, { runId: run.id, event: 'RELIEVE', step: 0 }, t(3));
		expect(replay).toMatchObject({ ok: false, reason: 'stale-step' });
		if (!replay.ok) expect(replay.message).toMatch(/earlier point in the scenario/);
		expect(takeStep(db, framework, personId, def, { runId: run.id, event: 'VAN', step: 5 }, t(3))).toMatchObject({ ok: false, reason: 'stale-step' });
		expect(snapshotOf(db, run.id)).toEqual(before);
		expect(before.run.step).toBe(1);
		expect(before.steps).toBe(1);
	});

	it('applies a late answer as the hesitate event, timed from when the server showed the decision', () => {
		const { run } = startOrResumeRun(db, personId, def, t(0));
		// faceDown allows 45 seconds; 46 is late
		const late = takeStep(db, framework, personId, def, { runId: run.id, event: 'RELIEVE', step: 0 }, t(46));
		expect(late).toMatchObject({ ok: true, record: { event: 'HESITATE', chosenEvent: 'RELIEVE', to: 'goneQuiet', late: true } });
		if (late.ok) expect(late.record.feedback).toMatch(/^Too late: you chose/);
		expect(runSteps(db, run.id)[0]).toMatchObject({ event: 'RELIEVE', appliedEvent: 'HESITATE', toState: 'goneQuiet', late: true });

		// the next decision's clock starts at the step, not at the start of the run: 30 seconds is on time
		const onTime = takeStep(db, framework, personId, def, { runId: run.id, event: 'CHECK', step: 1 }, t(46 + 30));
		expect(onTime).toMatchObject({ ok: true, record: { event: 'CHECK', late: false } });
	});

	it('judges answers by the time limits chosen for the run, and records the choice and any change', () => {
		const { run } = startOrResumeRun(db, personId, def, t(0), 'double');
		expect(run.timeLimit).toBe('double');
		// faceDown allows 45 seconds, 90 when doubled
		expect(takeStep(db, framework, personId, def, { runId: run.id, event: 'RELIEVE', step: 0 }, t(80))).toMatchObject({ ok: true, record: { late: false } });
		const resumed = startOrResumeRun(db, personId, def, t(90), 'off');
		expect(resumed).toMatchObject({ resumed: true, run: { id: run.id, timeLimit: 'off' } });
		expect(takeStep(db, framework, personId, def, { runId: run.id, event: analysis.bestPath[1]!, step: 1 }, t(5000))).toMatchObject({
			ok: true,
			record: { late: false }
		});
		const actions = db.select({ action: auditLog.action, detail: auditLog.detail }).from(auditLog).all();
		expect(actions.map((a) => a.action)).toEqual(['scenario-start', 'scenario-step', 'scenario-time-limit', 'scenario-step']);
		expect(JSON.parse(actions[0]!.detail!)).toMatchObject({ timeLimit: 'double' });
		expect(JSON.parse(actions[2]!.detail!)).toMatchObject({ from: 'double', to: 'off' });
		// resuming with the same choice changes nothing
		startOrResumeRun(db, personId, def, t(5001), 'off');
		expect(db.select({ n: count() }).from(auditLog).get()!.n).toBe(4);
	});

	it('starts a timed decision’s clock when the page serves it, so a run resumed later is not late', () => {
		const { run } = startOrResumeRun(db, personId, def, t(0));
		// the learner left and came back an hour later: the decision is served again then
		const opened = openRun(db, personId, def, run.id, t(3600));
		expect(opened).toMatchObject({ kind: 'active', run: { shownAt: t(3600) } });
		expect(getRun(db, personId, run.id)!.shownAt).toEqual(t(3600));
		expect(takeStep(db, framework, personId, def, { runId: run.id, event: 'RELIEVE', step: 0 }, t(3640))).toMatchObject({ ok: true, record: { late: false } });
		// but an answer more than the limit after the page was last served is still late
		const other = newPerson(db);
		const second = startOrResumeRun(db, other, def, t(0)).run;
		openRun(db, other, def, second.id, t(3600));
		const late = takeStep(db, framework, other, def, { runId: second.id, event: 'RELIEVE', step: 0 }, t(3646));
		expect(late).toMatchObject({ ok: true, record: { late: true } });
	});

	it('does not touch the clock of a run whose learner switched time limits off', () => {
		const { run } = startOrResumeRun(db, personId, def, t(0), 'off');
		expect(openRun(db, personId, def, run.id, t(50))).toMatchObject({ run: { shownAt: t(0) } });
		expect(getRun(db, personId, run.id)!.shownAt).toEqual(t(0));
	});

	it('records a pass on the best path, with score, outcome, flags and audit entries', () => {
		const { run } = startOrResumeRun(db, personId, def, t(0));
		expect(scenarioStatuses(db, personId).get(SLUG)).toBe('in-progress');
		const last = playBestPath(db, personId, run);
		expect(last).toMatchObject({ ok: true, finished: true });
		const saved = getRun(db, personId, run.id)!;
		expect(saved).toMatchObject({
			status: 'finished',
			outcome: 'safe-resolution',
			passed: true,
			score: analysis.bestScore,
			flags: '[]',
			finishedAt: t(analysis.bestPath.length)
		});
		expect(runSteps(db, run.id).map((row) => row.toState)).toEqual(analysis.bestPathStates.slice(1));
		const actions = db
			.select({ action: auditLog.action })
			.from(auditLog)
			.all()
			.map((row) => row.action);
		expect(actions.filter((a) => a !== 'evidence-record')).toEqual([
			'scenario-start',
			...analysis.bestPath.slice(1).map(() => 'scenario-step'),
			'scenario-finish',
			'scenario-pass'
		]);
		// the pass is evidence for every competency that names this scenario
		const recorded = db.select().from(evidence).all();
		expect(recorded.map((e) => e.competencyId).sort()).toEqual(['cant-breathe-response', 'safe-restraint']);
		expect(recorded[0]).toMatchObject({ kind: 'scenario', ref: SLUG, personId });
		expect(verifyAuditChain(db)).toMatchObject({ ok: true });
		expect(scenarioStatuses(db, personId).get(SLUG)).toBe('completed');

		// a finished run takes no more steps, and the next start is a fresh run
		expect(takeStep(db, framework, personId, def, { runId: run.id, event: 'RECORD', step: analysis.bestPath.length }, t(99))).toMatchObject({
			ok: false,
			reason: 'finished'
		});
		const fresh = startOrResumeRun(db, personId, def, t(100));
		expect(fresh.resumed).toBe(false);
		expect(fresh.run.id).not.toBe(run.id);
		expect(listRuns(db, personId, SLUG).map((r) => r.id)).toEqual([fresh.run.id, run.id]);
		expect(scenarioStatuses(db, personId).get(SLUG)).toBe('completed');
	});

	it('records a failing run with its critical flags and leaves the scenario in progress', () => {
		const { run } = startOrResumeRun(db, personId, def, t(0));
		for (const [step, event] of ['KEEP_PRONE', 'CALMED'].entries()) {
			expect(takeStep(db, framework, personId, def, { runId: run.id, event, step }, t(step + 1)).ok).toBe(true);
		}
		const saved = getRun(db, personId, run.id)!;
		expect(saved).toMatchObject({ status: 'finished', outcome: 'risk-of-death', passed: false, score: -6 });
		expect(JSON.parse(saved.flags!)).toEqual(expect.arrayContaining(['cant-breathe-ignored', 'prone-too-long', 'weight-on-chest', 'no-monitoring']));
		expect(scenarioStatuses(db, personId).get(SLUG)).toBe('in-progress');
	});

	it("does not find another person's run, and cannot step it", () => {
		const { run } = startOrResumeRun(db, personId, def, t(0));
		const other = newPerson(db);
		const before = snapshotOf(db, run.id);
		expect(getRun(db, other, run.id)).toBeUndefined();
		expect(openRun(db, other, def, run.id)).toBeUndefined();
		expect(takeStep(db, framework, other, def, { runId: run.id, event: 'RELIEVE', step: 0 }, t(1))).toMatchObject({ ok: false, reason: 'not-found' });
		expect(listRuns(db, other)).toEqual([]);
		expect(scenarioStatuses(db, other).size).toBe(0);
		expect(snapshotOf(db, run.id)).toEqual(before);
		// nor is a run found under another scenario's address
		expect(openRun(db, personId, findScenario('suspected-abd')!, run.id)).toBeUndefined();
	});

	it('closes a run whose snapshot no longer fits the scenario instead of failing', () => {
		const { run } = startOrResumeRun(db, personId, def, t(0));
		db.update(scenarioRuns)
			.set({ snapshot: JSON.stringify({ status: 'active', value: 'aStateThatWasRemoved' }) })
			.where(eq(scenarioRuns.id, run.id))
			.run();
		const opened = openRun(db, personId, def, run.id, t(5));
		expect(opened?.kind).toBe('finished');
		expect(isAbandoned(opened!.run)).toBe(true);
		expect(opened!.run).toMatchObject({ status: 'finished', outcome: null, passed: null, finishedAt: t(5) });
		expect(takeStep(db, framework, personId, def, { runId: run.id, event: 'RELIEVE', step: 0 }, t(6))).toMatchObject({ ok: false, reason: 'finished' });
		expect(
			db
				.select({ action: auditLog.action })
				.from(auditLog)
				.all()
				.map((row) => row.action)
		).toEqual(['scenario-start', 'scenario-abandon']);
	});

	it('closes an active run started under an older version and starts afresh', () => {
		const { run } = startOrResumeRun(db, personId, def, t(0));
		db.update(scenarioRuns).set({ scenarioVersion: '0.9.0' }).where(eq(scenarioRuns.id, run.id)).run();
		const before = snapshotOf(db, run.id);
		expect(takeStep(db, framework, personId, def, { runId: run.id, event: 'RELIEVE', step: 0 }, t(1))).toMatchObject({ ok: false, reason: 'abandoned' });
		expect(snapshotOf(db, run.id).run).toMatchObject({ ...before.run, status: 'finished', finishedAt: t(1) });
		expect(snapshotOf(db, run.id).steps).toBe(0);

		db.update(scenarioRuns).set({ status: 'active', finishedAt: null }).where(eq(scenarioRuns.id, run.id)).run();
		const next = startOrResumeRun(db, personId, def, t(2));
		expect(next).toMatchObject({ resumed: false, abandoned: { id: run.id, status: 'finished', outcome: null } });
		expect(next.run.scenarioVersion).toBe(def.meta.version);
	});
});
