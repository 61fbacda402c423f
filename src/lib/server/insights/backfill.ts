/**
 * The insight aggregates rebuilt from the raw rows, as plain GROUP BY statements. Migrations ran these same statements
 * once when the aggregates came in (since squashed into drizzle/0000_baseline.sql); the synthetic seed runs them after its
 * bulk load, which bypasses the storage code that keeps the counts in step (scenarios/insight-counts.ts,
 * modules/answer-counts.ts). The rules match those files exactly: a run's attempt number and whether it is a
 * refresher come from the person's earlier runs (by id) of the scenario; a quiz attempt counts when it is the
 * person's first at that module version. Months are UTC.
 */
import type { Db } from '../db';

/** The raw rows grouped as scenario_choice_counts holds them (the SELECT of the backfill). */
export const CHOICE_COUNTS_SELECT = `SELECT r.scenario_slug, r.scenario_version, s.from_state, s.event, s.late, p.organisation_id, p.unit_id, p.job_role,
  strftime('%Y-%m', s.at / 1000, 'unixepoch'),
  CASE WHEN EXISTS (SELECT 1 FROM scenario_runs e WHERE e.person_id = r.person_id AND e.scenario_slug = r.scenario_slug AND e.id < r.id) THEN 0 ELSE 1 END,
  CASE WHEN EXISTS (SELECT 1 FROM scenario_runs e WHERE e.person_id = r.person_id AND e.scenario_slug = r.scenario_slug AND e.id < r.id AND e.passed = 1) THEN 1 ELSE 0 END,
  count(*)
FROM scenario_steps s JOIN scenario_runs r ON r.id = s.run_id JOIN people p ON p.id = r.person_id
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`;

export const RUN_COUNTS_SELECT = `SELECT r.scenario_slug, r.scenario_version, p.organisation_id, p.unit_id, p.job_role,
  strftime('%Y-%m', r.finished_at / 1000, 'unixepoch'),
  CASE WHEN (SELECT count(*) FROM scenario_runs e WHERE e.person_id = r.person_id AND e.scenario_slug = r.scenario_slug AND e.id < r.id) >= 4 THEN 5
    ELSE 1 + (SELECT count(*) FROM scenario_runs e WHERE e.person_id = r.person_id AND e.scenario_slug = r.scenario_slug AND e.id < r.id) END,
  CASE WHEN EXISTS (SELECT 1 FROM scenario_runs e WHERE e.person_id = r.person_id AND e.scenario_slug = r.scenario_slug AND e.id < r.id AND e.passed = 1) THEN 1 ELSE 0 END,
  CASE WHEN r.passed = 1 THEN 1 ELSE 0 END,
  count(*)
FROM scenario_runs r JOIN people p ON p.id = r.person_id
WHERE r.status = 'finished' AND r.passed IS NOT NULL AND r.finished_at IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;

export const ANSWER_COUNTS_SELECT = `SELECT a.module_slug, a.module_version, j.key, j.value, a.score, p.organisation_id, p.unit_id, p.job_role, count(*)
FROM quiz_attempts a JOIN people p ON p.id = a.person_id JOIN json_each(a.answers) j ON 1 = 1
WHERE NOT EXISTS (SELECT 1 FROM quiz_attempts e WHERE e.person_id = a.person_id AND e.module_slug = a.module_slug AND e.module_version = a.module_version AND e.id < a.id)
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;

/** scenario_choice_totals from scenario_choice_counts (its own migration, after the table's). */
export const CHOICE_TOTALS_SELECT = `SELECT scenario_slug, scenario_version, organisation_id, from_state, event, late, first_attempt, sum(n)
FROM scenario_choice_counts
GROUP BY 1, 2, 3, 4, 5, 6, 7`;

const TOTALS_STATEMENT = `INSERT INTO scenario_choice_totals (scenario_slug, scenario_version, organisation_id, from_state, event, late, first_attempt, n)\n${CHOICE_TOTALS_SELECT}`;

/** The statements of the backfill migration, in order. */
const BACKFILL_STATEMENTS = [
	`INSERT INTO scenario_choice_counts (scenario_slug, scenario_version, from_state, event, late, organisation_id, unit_id, job_role, month, first_attempt, refresher, n)\n${CHOICE_COUNTS_SELECT}`,
	`INSERT INTO scenario_run_counts (scenario_slug, scenario_version, organisation_id, unit_id, job_role, month, attempt, refresher, passed, n)\n${RUN_COUNTS_SELECT}`,
	`INSERT INTO quiz_answer_counts (module_slug, module_version, question_id, answer, score, organisation_id, unit_id, job_role, n)\n${ANSWER_COUNTS_SELECT}`
];

/** Empties the insight aggregates and counts them again from the raw rows, in one transaction (the synthetic seed). */
export function rebuildInsightCounts(db: Db): void {
	const client = db.$client;
	client.transaction(() => {
		for (const table of ['scenario_choice_counts', 'scenario_choice_totals', 'scenario_run_counts', 'quiz_answer_counts']) client.exec(`DELETE FROM ${table}`);
		for (const statement of [...BACKFILL_STATEMENTS, TOTALS_STATEMENT]) client.exec(statement);
	})();
}
