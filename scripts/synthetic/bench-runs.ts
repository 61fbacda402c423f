/**
 * Scenario choices for the benchmark: every request must be a valid new decision, or the server rightly
 * answers 400 ("stale step"). A run takes one decision per step, and a person has at most one active run
 * per scenario, so the pool is many runs, each owned by a different (person, scenario) and each used once:
 * a synthetic learner gets a session, and for every scenario an active run part-way along the best path
 * (step 0 to the last decision, so about one choice in five finishes a run and records evidence, as in real
 * play). Runs left active by an earlier benchmark are reused at whatever step they reached.
 */
import { appendAudit } from '../../src/lib/server/audit/log';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db';
import { applyChoice, currentView, startRun, type StepRecord } from '../../src/lib/server/scenarios/engine';
import { play, type SyntheticScenario } from './content';

export type Choice = { token: string; runId: number; slug: string; step: number; event: string };
export type ChoicePool = { choices: Choice[]; sessionIds: string[]; people: number };

type Prefix = { snapshot: string; steps: StepRecord[] };

/** The run after each number of best-path decisions (0 to the last but one), played once by the pure engine. */
function prefixes(scenario: SyntheticScenario): Prefix[] {
	const steps = play(scenario.def, scenario.bestPath).steps;
	let snapshot: unknown = startRun(scenario.def).snapshot;
	const t0 = Date.UTC(2020, 0, 1, 9);
	return scenario.bestPath.map((event, k) => {
		const prefix = { snapshot: JSON.stringify(snapshot), steps: steps.slice(0, k) };
		const result = applyChoice(scenario.def, snapshot, { event, step: k, expectedStep: k, shownAt: new Date(t0), now: new Date(t0 + 1000) });
		if (!result.ok) throw new Error(`Scenario ${scenario.slug}: the best path was refused at step ${k}`);
		snapshot = result.snapshot;
		return prefix;
	});
}

/**
 * Prepares up to `size` choices (fewer when there are not enough people). Only synthetic staff are used
 * (people without a password), never the bench accounts. Call `releaseChoicePool` afterwards.
 */
export function prepareChoicePool(db: Db, scenarios: SyntheticScenario[], size: number, now = new Date()): ChoicePool {
	const client = db.$client;
	const peopleNeeded = Math.ceil(size / scenarios.length);
	const people = client.prepare("select id from people where status = 'active' and password_hash is null order by id limit ?").all(peopleNeeded) as {
		id: number;
	}[];
	const partial = new Map(scenarios.map((s) => [s.slug, prefixes(s)]));
	const active = client.prepare(
		"select id, scenario_slug as slug, scenario_version as version, step, snapshot from scenario_runs where person_id = ? and status = 'active'"
	);
	const insertRun = client.prepare(
		"insert into scenario_runs (person_id, scenario_slug, scenario_version, snapshot, step, shown_at, status, started_at) values (?, ?, ?, ?, ?, ?, 'active', ?)"
	);
	const insertStep = client.prepare(
		'insert into scenario_steps (run_id, step, from_state, event, applied_event, to_state, feedback, score, flags, late, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)'
	);
	const choices: Choice[] = [];
	const sessionIds: string[] = [];
	let created = 0;
	db.transaction((tx) => {
		people.forEach(({ id: personId }, p) => {
			const token = generateSessionToken();
			sessionIds.push(createSession(tx as unknown as Db, token, personId, now).id);
			const existing = new Map(
				(active.all(personId) as { id: number; slug: string; version: string; step: number; snapshot: string }[]).map((r) => [r.slug, r])
			);
			scenarios.forEach((scenario, s) => {
				const run = existing.get(scenario.slug);
				if (run) {
					// Reused at the step it reached; a run the scenario has changed under is left for the app to close.
					if (run.version !== scenario.version) return;
					const view = currentView(scenario.def, JSON.parse(run.snapshot));
					const onPath = scenario.bestPath[run.step];
					const event = view.choices.some((c) => c.event === onPath) ? onPath : view.choices[0]?.event;
					if (event) choices.push({ token, runId: run.id, slug: scenario.slug, step: run.step, event });
					return;
				}
				const k = (p + s) % scenario.bestPath.length;
				const prefix = partial.get(scenario.slug)![k];
				const startedAt = now.getTime() - k * 20_000;
				const runId = Number(insertRun.run(personId, scenario.slug, scenario.version, prefix.snapshot, k, now.getTime(), startedAt).lastInsertRowid);
				prefix.steps.forEach((r, i) =>
					insertStep.run(runId, r.step, r.from, r.chosenEvent, r.event, r.to, r.feedback, r.score, JSON.stringify(r.flags), startedAt + (i + 1) * 20_000)
				);
				created++;
				choices.push({ token, runId, slug: scenario.slug, step: k, event: scenario.bestPath[k] });
			});
		});
		appendAudit(tx, {
			actorId: null,
			action: 'bench-prepare',
			entity: 'database',
			detail: { people: people.length, runsStarted: created, choices: choices.length },
			at: now
		});
	});
	return { choices: choices.slice(0, size), sessionIds, people: people.length };
}

/** Ends the pool's sessions. Unused runs stay active and are reused by the next benchmark. */
export function releaseChoicePool(db: Db, pool: ChoicePool) {
	const remove = db.$client.prepare('delete from sessions where id = ?');
	db.transaction(() => {
		for (const id of pool.sessionIds) remove.run(id);
	});
}
