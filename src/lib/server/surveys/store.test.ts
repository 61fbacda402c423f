/** The survey store: one answer per person per version, anonymity by design of the tables, scope and versions. */
import { describe, expect, it } from 'vitest';
import { addPerson, testDb, twoOrganisations } from '$testing/fixtures';
import type { Db } from '../db';
import { auditLog, moduleCompletions, quizAttempts, scenarioRuns } from '../db/schema';
import {
	answeredVersions,
	comments,
	firstKeptMonth,
	hasAnswered,
	londonMonth,
	purgeSurveyAnswers,
	responseCounts,
	saveAnswer,
	tallyAnswers,
	versionToRate,
	type SurveySubject
} from './store';

const subject: SurveySubject = { kind: 'module', slug: 'restraint-safety', version: '1.0.0' };
const answer = (r: number, comment: string | null = null) => ({ ratings: { relevant: r, clear: r, confident: r }, comment });
const when = new Date('2026-11-20T12:00:00Z');

function complete(db: Db, personId: number, slug: string, version: string, at: Date) {
	const attempt = db
		.insert(quizAttempts)
		.values({ personId, moduleSlug: slug, moduleVersion: version, answers: '{}', correct: 5, total: 5, score: 100, passed: true, submittedAt: at })
		.returning()
		.get();
	db.insert(moduleCompletions).values({ personId, moduleSlug: slug, moduleVersion: version, attemptId: attempt.id, score: 100, completedAt: at }).run();
}

function run(db: Db, personId: number, version: string, outcome: string | null, at: Date) {
	db.insert(scenarioRuns)
		.values({
			personId,
			scenarioSlug: 'street',
			scenarioVersion: version,
			snapshot: '{}',
			step: 3,
			shownAt: at,
			status: 'finished',
			startedAt: at,
			finishedAt: at,
			outcome
		})
		.run();
}

describe('the tables keep answers anonymous', () => {
	const db = testDb();
	const columns = (table: string) => db.$client.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[];

	it('an answer has no person column and no time finer than the month', () => {
		expect(columns('survey_responses').sort()).toEqual([
			'comment',
			'id',
			'job_role',
			'kind',
			'month',
			'organisation_id',
			'subject_slug',
			'subject_version',
			'unit_id'
		]);
		expect(columns('survey_ratings').sort()).toEqual(['item_id', 'rating', 'response_id']);
		expect(columns('survey_responses').some((c) => /person|_at$|time|date/.test(c))).toBe(false);
	});

	it('"has answered" names no answer and no time', () => {
		expect(columns('survey_answered').sort()).toEqual(['kind', 'person_id', 'subject_slug', 'subject_version']);
	});

	it('all three are WITHOUT ROWID, so insertion order cannot join them', () => {
		for (const table of ['survey_responses', 'survey_ratings', 'survey_answered']) {
			const sql = db.$client.prepare(`select sql from sqlite_master where type = 'table' and name = ?`).pluck().get(table) as string;
			expect(sql).toMatch(/WITHOUT ROWID\s*$/);
			expect(() => db.$client.prepare(`select rowid from ${table}`).all()).toThrow(/no such column: rowid/);
		}
	});

	it('a rating outside 1 to 5 cannot be stored even by a caller that skipped the form', () => {
		const w = twoOrganisations(db);
		expect(() => saveAnswer(db, w.inA1, { ...subject, slug: 'range' }, answer(6))).toThrow(/CHECK constraint/);
		expect(hasAnswered(db, w.inA1.id, { ...subject, slug: 'range' })).toBe(false);
	});

	it('the answer keeps the month in London and the audit entry names the subject, not the answer', () => {
		const db = testDb();
		const w = twoOrganisations(db);
		expect(saveAnswer(db, w.inA2, { ...subject, slug: 'audit' }, answer(4, 'Useful'), new Date('2026-10-31T23:30:00Z'))).toBe('saved');
		const stored = db.$client.prepare(`select id, month from survey_responses where subject_slug = 'audit'`).get() as { id: string; month: string };
		expect(stored.month).toBe('2026-10'); // 23:30 UTC on 31 October is still October in London (GMT)
		expect(londonMonth(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07'); // BST
		const entry = db.select().from(auditLog).all().at(-1)!;
		expect(entry).toMatchObject({ action: 'survey-answered', entity: 'module', entityId: 'audit', actorId: w.inA2.id });
		expect(entry.detail).not.toContain(stored.id);
	});
});

describe('one answer per person per version', () => {
	it('a second answer for the same version is refused and changes nothing; a new version may be answered', () => {
		const db = testDb();
		const w = twoOrganisations(db);
		expect(saveAnswer(db, w.inA1, subject, answer(5, 'First'), when)).toBe('saved');
		expect(saveAnswer(db, w.inA1, subject, answer(1, 'Second'), when)).toBe('already');
		expect(hasAnswered(db, w.inA1.id, subject)).toBe(true);
		const all = { kind: 'module' as const, slug: subject.slug, scope: { kind: 'all' as const } };
		expect(tallyAnswers(db, all).responses).toBe(1);
		expect(comments(db, all)).toEqual([{ month: '2026-11', comment: 'First' }]);
		expect(saveAnswer(db, w.inA1, { ...subject, version: '2.0.0' }, answer(3), when)).toBe('saved');
		expect(answeredVersions(db, all)).toEqual(['1.0.0', '2.0.0']);
		expect(tallyAnswers(db, { ...all, version: '2.0.0' }).tallies).toEqual(expect.arrayContaining([{ itemId: 'relevant', rating: 3, answers: 1 }]));
	});
});

describe('what a person may rate', () => {
	it('the version of their latest module completion, none before they complete', () => {
		const db = testDb();
		const w = twoOrganisations(db);
		expect(versionToRate(db, w.inA1.id, 'module', 'restraint-safety')).toBeNull();
		complete(db, w.inA1.id, 'restraint-safety', '1.0.0', new Date('2026-01-01'));
		complete(db, w.inA1.id, 'restraint-safety', '1.1.0', new Date('2026-06-01'));
		expect(versionToRate(db, w.inA1.id, 'module', 'restraint-safety')).toBe('1.1.0');
		expect(versionToRate(db, w.inA2.id, 'module', 'restraint-safety')).toBeNull();
	});

	it('the version of their latest scenario run that ended with an outcome (not one closed without a result)', () => {
		const db = testDb();
		const w = twoOrganisations(db);
		run(db, w.inA1.id, '1.0.0', null, new Date('2026-01-01'));
		expect(versionToRate(db, w.inA1.id, 'scenario', 'street')).toBeNull();
		run(db, w.inA1.id, '1.0.0', 'safe-handover', new Date('2026-02-01'));
		run(db, w.inA1.id, '2.0.0', null, new Date('2026-03-01'));
		expect(versionToRate(db, w.inA1.id, 'scenario', 'street')).toBe('1.0.0');
	});
});

describe('readings stay within the reader’s scope', () => {
	it('counts and tallies only the organisations and units named; a scope naming none sees nothing', () => {
		const db = testDb();
		const w = twoOrganisations(db);
		const extraA1 = addPerson(db, w.a1);
		for (const person of [w.inA1, w.otherInA1, extraA1, w.inA2]) saveAnswer(db, person, subject, answer(4), when);
		saveAnswer(db, w.inB1, subject, answer(2), when);
		const scoped = (organisationIds: number[], unitIds: number[]) => ({ kind: 'scoped' as const, organisationIds, unitIds });
		expect(responseCounts(db, { kind: 'all' })).toEqual([{ kind: 'module', slug: subject.slug, responses: 5 }]);
		expect(responseCounts(db, scoped([w.orgA.id], []))[0].responses).toBe(4);
		expect(responseCounts(db, scoped([], [w.a1.id]))[0].responses).toBe(3);
		expect(responseCounts(db, scoped([], []))).toEqual([]);
		const b = tallyAnswers(db, { kind: 'module', slug: subject.slug, scope: scoped([w.orgB.id], []) });
		expect(b.responses).toBe(1);
		expect(b.tallies.every((t) => t.rating === 2)).toBe(true);
	});
});

describe('retention', () => {
	it('keeps the current month and the months before it within the period, by London month', () => {
		expect(firstKeptMonth(36, new Date('2026-12-07T12:00:00Z'))).toBe('2024-01');
		expect(firstKeptMonth(1, new Date('2026-12-07T12:00:00Z'))).toBe('2026-12');
		expect(firstKeptMonth(12, new Date('2027-01-01T00:30:00Z'))).toBe('2026-02');
		// 23:30 UTC on 31 March is already April in London (summer time)
		expect(firstKeptMonth(3, new Date('2026-03-31T23:30:00Z'))).toBe('2026-02');
	});

	it('deletes answers older than the period with their ratings, and the marks of versions left with no answer', () => {
		const db = testDb();
		const { a1 } = twoOrganisations(db);
		const [a, b, c] = [0, 1, 2].map(() => addPerson(db, a1));
		const old = { ...subject, version: '0.9.0' };
		saveAnswer(db, a, old, answer(4, 'An old comment'), new Date('2023-05-10T12:00:00Z'));
		saveAnswer(db, b, old, answer(2), new Date('2023-12-31T12:00:00Z'));
		saveAnswer(db, a, subject, answer(5), new Date('2023-06-01T12:00:00Z'));
		saveAnswer(db, c, subject, answer(3), new Date('2024-01-02T12:00:00Z'));
		const count = (table: string) => db.$client.prepare(`select count(*) from ${table}`).pluck().get();

		expect(purgeSurveyAnswers(db, '2024-01', 1)).toEqual({ answers: 3, marks: 2 });
		expect(count('survey_responses')).toBe(1);
		expect(count('survey_ratings')).toBe(3);
		expect(tallyAnswers(db, { kind: 'module', slug: subject.slug, scope: { kind: 'all' } }).responses).toBe(1);
		// 0.9.0 has no answer left: its marks go, so they would be asked again. 1.0.0 keeps c's answer, and so every mark.
		expect(hasAnswered(db, a.id, old)).toBe(false);
		expect(hasAnswered(db, b.id, old)).toBe(false);
		expect(hasAnswered(db, a.id, subject)).toBe(true);
		expect(hasAnswered(db, c.id, subject)).toBe(true);
		// Nothing more to do: nothing changes.
		expect(purgeSurveyAnswers(db, '2024-01', 1)).toEqual({ answers: 0, marks: 0 });
	});
});
