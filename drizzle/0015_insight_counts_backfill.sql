-- Hand-written: counts the insight aggregates from the rows already stored (src/lib/server/insights/backfill.ts holds the same statements).
INSERT INTO scenario_choice_counts (scenario_slug, scenario_version, from_state, event, late, organisation_id, unit_id, job_role, month, first_attempt, refresher, n)
SELECT r.scenario_slug, r.scenario_version, s.from_state, s.event, s.late, p.organisation_id, p.unit_id, p.job_role,
  strftime('%Y-%m', s.at / 1000, 'unixepoch'),
  CASE WHEN EXISTS (SELECT 1 FROM scenario_runs e WHERE e.person_id = r.person_id AND e.scenario_slug = r.scenario_slug AND e.id < r.id) THEN 0 ELSE 1 END,
  CASE WHEN EXISTS (SELECT 1 FROM scenario_runs e WHERE e.person_id = r.person_id AND e.scenario_slug = r.scenario_slug AND e.id < r.id AND e.passed = 1) THEN 1 ELSE 0 END,
  count(*)
FROM scenario_steps s JOIN scenario_runs r ON r.id = s.run_id JOIN people p ON p.id = r.person_id
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11;
--> statement-breakpoint
INSERT INTO scenario_run_counts (scenario_slug, scenario_version, organisation_id, unit_id, job_role, month, attempt, refresher, passed, n)
SELECT r.scenario_slug, r.scenario_version, p.organisation_id, p.unit_id, p.job_role,
  strftime('%Y-%m', r.finished_at / 1000, 'unixepoch'),
  CASE WHEN (SELECT count(*) FROM scenario_runs e WHERE e.person_id = r.person_id AND e.scenario_slug = r.scenario_slug AND e.id < r.id) >= 4 THEN 5
    ELSE 1 + (SELECT count(*) FROM scenario_runs e WHERE e.person_id = r.person_id AND e.scenario_slug = r.scenario_slug AND e.id < r.id) END,
  CASE WHEN EXISTS (SELECT 1 FROM scenario_runs e WHERE e.person_id = r.person_id AND e.scenario_slug = r.scenario_slug AND e.id < r.id AND e.passed = 1) THEN 1 ELSE 0 END,
  CASE WHEN r.passed = 1 THEN 1 ELSE 0 END,
  count(*)
FROM scenario_runs r JOIN people p ON p.id = r.person_id
WHERE r.status = 'finished' AND r.passed IS NOT NULL AND r.finished_at IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
--> statement-breakpoint
INSERT INTO quiz_answer_counts (module_slug, module_version, question_id, answer, score, organisation_id, unit_id, job_role, n)
SELECT a.module_slug, a.module_version, j.key, j.value, a.score, p.organisation_id, p.unit_id, p.job_role, count(*)
FROM quiz_attempts a JOIN people p ON p.id = a.person_id JOIN json_each(a.answers) j ON 1 = 1
WHERE NOT EXISTS (SELECT 1 FROM quiz_attempts e WHERE e.person_id = a.person_id AND e.module_slug = a.module_slug AND e.module_version = a.module_version AND e.id < a.id)
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
