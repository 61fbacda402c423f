/**
 * Learner evaluation answers for synthetic London (content/surveys.yaml). The survey is optional and short, so a
 * minority answers: about one in eight of each person's latest module completion and latest finished scenario run of
 * the past year, ratings mostly favourable with a tail (each subject's items leaning a little its own way), a comment
 * on about one in five. Written as surveys/store.ts `saveAnswer` writes them: the "has answered" mark, and apart from
 * it the answer and its ratings with no person id, no time finer than the London month and an id that says nothing
 * about order (drawn from the seed, so the seed stays deterministic; the tables are WITHOUT ROWID). Nothing is written
 * when the database already holds answers, so the benchmark can add them to a database seeded before they existed.
 */
import type Database from 'better-sqlite3';
import type { SurveyDefinitions, SurveyKind } from '../../src/lib/server/surveys/definition';
import { londonMonth } from '../../src/lib/server/surveys/store';
import { mulberry32 } from '../demo/seed';
import { DAY_MS } from './days';

/** The share of completions and runs whose learner answers the survey. */
export const ANSWER_SHARE = 0.12;
/** How far back answers go: the survey is offered after each completion, and the synthetic survey began a year ago. */
export const ANSWER_WINDOW_DAYS = 365;
/** Ratings 1 to 5: favourable, as such surveys are, with a tail. */
const WEIGHTS = [0.04, 0.08, 0.2, 0.4, 0.28];
const COMMENT_SHARE = 0.2;

const COMMENTS: Record<SurveyKind, string[]> = {
	module: [
		'Clear and practical. The examples felt close to what we see on shift.',
		'Too long to do in one go on a night shift; I would split it in two.',
		'The law sections were hard going on a phone screen.',
		'Good refresher. The quiz feedback explained why, which helped.',
		'Would like more on what to do when the ambulance is delayed for hours.',
		'Please add something on working with interpreters.',
		'Useful to see how the other services think about the same situation.'
	],
	scenario: [
		'Felt realistic, especially the pressure from the other officer.',
		'The timer made me rush: I switched it off the second time.',
		'The feedback after each choice was the most useful part.',
		'I would like a version set in a hospital emergency department.',
		'Some choices felt obviously right; a harder middle section would help.',
		'Good to practise saying no to a colleague without it being real.'
	]
};

type Taken = { personId: number; slug: string; version: string; at: number; organisationId: number; unitId: number; jobRole: string };

/** Each active person's latest module completion and latest finished scenario run per subject since `since`. */
function takenSince(client: Database.Database, since: number): Record<SurveyKind, Taken[]> {
	// SQLite gives the bare columns of the row holding the max(): the version of that latest completion or run.
	const module = client
		.prepare(
			`SELECT c.person_id AS personId, c.module_slug AS slug, c.module_version AS version, max(c.completed_at) AS at,
			   p.organisation_id AS organisationId, p.unit_id AS unitId, p.job_role AS jobRole
			 FROM module_completions c JOIN people p ON p.id = c.person_id
			 WHERE c.completed_at >= ? AND p.status = 'active'
			 GROUP BY c.person_id, c.module_slug ORDER BY c.person_id, c.module_slug`
		)
		.all(since) as Taken[];
	const scenario = client
		.prepare(
			`SELECT r.person_id AS personId, r.scenario_slug AS slug, r.scenario_version AS version, max(r.finished_at) AS at,
			   p.organisation_id AS organisationId, p.unit_id AS unitId, p.job_role AS jobRole
			 FROM scenario_runs r JOIN people p ON p.id = r.person_id
			 WHERE r.status = 'finished' AND r.outcome IS NOT NULL AND r.finished_at >= ? AND p.status = 'active'
			 GROUP BY r.person_id, r.scenario_slug ORDER BY r.person_id, r.scenario_slug`
		)
		.all(since) as Taken[];
	return { module, scenario };
}

/** Writes the answers; returns how many (0 when the database already had some). */
export function seedSurveyAnswers(client: Database.Database, surveys: SurveyDefinitions, options: { seed: number; now: Date }): number {
	if (client.prepare('SELECT 1 FROM survey_responses LIMIT 1').get()) return 0;
	const rand = mulberry32(options.seed * 31 + 1959);
	const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(rand() * 16).toString(16)).join('');
	const randomId = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rand() * 4)]}${hex(3)}-${hex(12)}`;
	/** Each subject's item leans its own way: one step down from the common spread for about a quarter of them. */
	const leans = new Map<string, number>();
	const rating = (key: string) => {
		if (!leans.has(key)) leans.set(key, rand() < 0.25 ? -1 : 0);
		let r = rand();
		let value = WEIGHTS.length;
		for (const [i, w] of WEIGHTS.entries())
			if ((r -= w) < 0) {
				value = i + 1;
				break;
			}
		return Math.max(1, value + leans.get(key)!);
	};
	const q = {
		mark: client.prepare('INSERT INTO survey_answered (person_id, kind, subject_slug, subject_version) VALUES (?, ?, ?, ?)'),
		response: client.prepare(
			'INSERT INTO survey_responses (id, kind, subject_slug, subject_version, organisation_id, unit_id, job_role, month, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
		),
		rating: client.prepare('INSERT INTO survey_ratings (response_id, item_id, rating) VALUES (?, ?, ?)')
	};
	const taken = takenSince(client, options.now.getTime() - ANSWER_WINDOW_DAYS * DAY_MS);
	let written = 0;
	client.transaction(() => {
		for (const kind of ['module', 'scenario'] as const)
			for (const t of taken[kind]) {
				if (rand() >= ANSWER_SHARE) continue;
				const id = randomId();
				// Answered within the hour after finishing: the month is all that is kept.
				const month = londonMonth(new Date(Math.min(t.at + rand() * 3_600_000, options.now.getTime())));
				const comment = rand() < COMMENT_SHARE ? COMMENTS[kind][Math.floor(rand() * COMMENTS[kind].length)] : null;
				q.mark.run(t.personId, kind, t.slug, t.version);
				q.response.run(id, kind, t.slug, t.version, t.organisationId, t.unitId, t.jobRole, month, comment);
				for (const item of surveys[kind].ratings) q.rating.run(id, item.id, rating(`${kind}/${t.slug}/${item.id}`));
				written++;
			}
	})();
	return written;
}
