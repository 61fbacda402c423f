-- Hand-written: scenario_choice_totals from the choice counts already stored (src/lib/server/insights/backfill.ts holds the same statement).
INSERT INTO scenario_choice_totals (scenario_slug, scenario_version, organisation_id, from_state, event, late, first_attempt, n)
SELECT scenario_slug, scenario_version, organisation_id, from_state, event, late, first_attempt, sum(n)
FROM scenario_choice_counts
GROUP BY 1, 2, 3, 4, 5, 6, 7;
