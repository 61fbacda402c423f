/**
 * Keeps the scenario insight aggregates (scenario_choice_counts and its totals, scenario_run_counts) in step with the steps and
 * results runs-store.ts writes, inside the same transaction, so /insights reads small tables instead of every step.
 * The rules are those of insights/backfill.ts, which rebuilds the same counts from the raw rows.
 */
import { statementsFor } from '../db/prepared';

/** The month a time falls in, UTC, as the backfill's strftime('%Y-%m') gives it. */
export const monthOf = (at: Date) => at.toISOString().slice(0, 7);

function statements(tx: object) {
	return statementsFor(tx, 'scenario-insight-counts', (client) => ({
		person: client.prepare('SELECT organisation_id AS organisationId, unit_id AS unitId, job_role AS jobRole FROM people WHERE id = ?'),
		earlier: client.prepare(
			'SELECT count(*) AS runs, coalesce(max(CASE WHEN passed = 1 THEN 1 ELSE 0 END), 0) AS passed FROM scenario_runs WHERE person_id = ? AND scenario_slug = ? AND id < ?'
		),
		choice: client.prepare(
			`INSERT INTO scenario_choice_counts (scenario_slug, scenario_version, from_state, event, late, organisation_id, unit_id, job_role, month, first_attempt, refresher, n)
			 VALUES (@slug, @version, @from, @event, @late, @organisationId, @unitId, @jobRole, @month, @firstAttempt, @refresher, 1)
			 ON CONFLICT (scenario_slug, scenario_version, from_state, event, late, organisation_id, unit_id, job_role, month, first_attempt, refresher) DO UPDATE SET n = n + 1`
		),
		total: client.prepare(
			`INSERT INTO scenario_choice_totals (scenario_slug, scenario_version, organisation_id, from_state, event, late, first_attempt, n)
			 VALUES (@slug, @version, @organisationId, @from, @event, @late, @firstAttempt, 1)
			 ON CONFLICT (scenario_slug, scenario_version, organisation_id, from_state, event, late, first_attempt) DO UPDATE SET n = n + 1`
		),
		run: client.prepare(
			`INSERT INTO scenario_run_counts (scenario_slug, scenario_version, organisation_id, unit_id, job_role, month, attempt, refresher, passed, n)
			 VALUES (@slug, @version, @organisationId, @unitId, @jobRole, @month, @attempt, @refresher, @passed, 1)
			 ON CONFLICT (scenario_slug, scenario_version, organisation_id, unit_id, job_role, month, attempt, refresher, passed) DO UPDATE SET n = n + 1`
		)
	}));
}

type RunRef = { id: number; personId: number; scenarioSlug: string; scenarioVersion: string };
type Group = { organisationId: number; unitId: number; jobRole: string };

/** Where a run stands among the person's runs of the scenario: its attempt number and whether it is a refresher. */
function standing(tx: object, run: RunRef) {
	const q = statements(tx);
	const group = q.person.get(run.personId) as Group;
	const earlier = q.earlier.get(run.personId, run.scenarioSlug, run.id) as { runs: number; passed: number };
	return { group, attempt: Math.min(5, earlier.runs + 1), refresher: earlier.passed ? 1 : 0 };
}

/**
 * Counts one decision (call in the transaction that stores the step) and, when the run ended with a result, the
 * run itself.
 */
export function countDecision(
	tx: object,
	run: RunRef,
	step: { from: string; chosenEvent: string; late: boolean },
	at: Date,
	result?: { passed: boolean }
): void {
	const q = statements(tx);
	const { group, attempt, refresher } = standing(tx, run);
	const month = monthOf(at);
	const common = { slug: run.scenarioSlug, version: run.scenarioVersion, ...group, month, refresher };
	const choice = { from: step.from, event: step.chosenEvent, late: step.late ? 1 : 0, firstAttempt: attempt === 1 ? 1 : 0 };
	q.choice.run({ ...common, ...choice });
	q.total.run({ slug: run.scenarioSlug, version: run.scenarioVersion, organisationId: group.organisationId, ...choice });
	if (result) q.run.run({ ...common, attempt, passed: result.passed ? 1 : 0 });
}
