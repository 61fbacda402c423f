/**
 * Keeps quiz_answer_counts in step with the attempts progress.ts stores, inside the same transaction: for a
 * person's first attempt at a module version, one count per question of the answer given and the attempt's score
 * (what question analysis needs, without reading 1.5 million attempts). The rule is insights/backfill.ts's.
 */
import { statementsFor } from '../db/prepared';
import type { Answers } from './grading';

function statements(tx: object) {
	return statementsFor(tx, 'quiz-answer-counts', (client) => ({
		person: client.prepare('SELECT organisation_id AS organisationId, unit_id AS unitId, job_role AS jobRole FROM people WHERE id = ?'),
		earlier: client.prepare('SELECT 1 FROM quiz_attempts WHERE person_id = ? AND module_slug = ? AND module_version = ? AND id < ? LIMIT 1').pluck(),
		count: client.prepare(
			`INSERT INTO quiz_answer_counts (module_slug, module_version, question_id, answer, score, organisation_id, unit_id, job_role, n)
			 VALUES (@slug, @version, @question, @answer, @score, @organisationId, @unitId, @jobRole, 1)
			 ON CONFLICT (module_slug, module_version, question_id, answer, score, organisation_id, unit_id, job_role) DO UPDATE SET n = n + 1`
		)
	}));
}

/** Counts a stored attempt's answers when it is the person's first at this module version. */
export function countFirstAttempt(
	tx: object,
	attempt: { id: number; personId: number; moduleSlug: string; moduleVersion: string; answers: Answers; score: number }
): void {
	const q = statements(tx);
	if (q.earlier.get(attempt.personId, attempt.moduleSlug, attempt.moduleVersion, attempt.id) !== undefined) return;
	const group = q.person.get(attempt.personId) as { organisationId: number; unitId: number; jobRole: string };
	const common = { slug: attempt.moduleSlug, version: attempt.moduleVersion, score: attempt.score, ...group };
	// The same JSON text json_each() gives for each entry of the stored answers (option ids, sorted when read).
	for (const [question, chosen] of Object.entries(attempt.answers)) q.count.run({ ...common, question, answer: JSON.stringify(chosen) });
}
