import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/lib/server/audit/verify';
import { recordOn, refreshPerson } from '../../src/lib/server/competency/ledger';
import { loadContentFromDisk } from '../../src/lib/server/content/disk';
import type { Db } from '../../src/lib/server/db';
import { currentView, summariseRun } from '../../src/lib/server/scenarios/engine';
import { runRecords } from '../../src/lib/server/scenarios/runs-store';
import { testDb } from '../../tests/support/fixtures';
import { BENCH_ACCOUNTS } from './accounts';
import { prepareChoicePool, releaseChoicePool } from './bench-runs';
import { prepareContent, type SyntheticContent } from './content';
import { takeStep } from '../../src/lib/server/scenarios/runs-store';
import { openSessions } from '../../src/lib/server/practical/lists';
import { seedSynthetic, type SeedResult } from './seed';
import { ANSWER_SHARE, ANSWER_WINDOW_DAYS, seedSurveyAnswers } from './surveys';

const now = new Date('2026-03-15T12:00:00Z');
let content: SyntheticContent;
let db: Db;
let result: SeedResult;

const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];

beforeAll(async () => {
	content = prepareContent(await loadContentFromDisk());
	db = testDb();
	result = seedSynthetic(db, content, { staff: 300, years: 3, now, passwordHash: 'hash', chunk: 50 });
}, 30_000);

describe('synthetic seed', () => {
	it('makes the people, the bench accounts and a history of every kind', () => {
		const c = result.counts;
		expect(c.people).toBe(300 + BENCH_ACCOUNTS.length);
		for (const [key, n] of Object.entries(c)) expect(n, key).toBeGreaterThan(0);
		expect(all<{ n: number }>('select count(*) as n from people')[0].n).toBe(c.people);
		expect(all<{ n: number }>('select count(*) as n from evidence')[0].n).toBe(c.evidence);
		expect(all<{ n: number }>('select count(*) as n from competency_cycles')[0].n).toBe(c.competencyCycles);
		expect(result.today).toBe('2026-03-15');
	});

	it('fills the insight counts: every step, finished run and first attempt counted once', () => {
		const one = (sql: string) => all<{ n: number }>(sql)[0].n;
		expect(one('select sum(n) as n from scenario_choice_counts')).toBe(result.counts.scenarioSteps);
		expect(one('select sum(n) as n from scenario_choice_totals')).toBe(result.counts.scenarioSteps);
		expect(one('select sum(n) as n from scenario_run_counts')).toBe(result.counts.scenarioRuns);
		expect(one('select sum(n) as n from quiz_answer_counts')).toBeGreaterThan(0);
		expect(one('select sum(n) as n from quiz_answer_counts')).toBe(
			one(
				'select count(*) as n from quiz_attempts a, json_each(a.answers) where not exists (select 1 from quiz_attempts e where e.person_id = a.person_id and e.module_slug = a.module_slug and e.module_version = a.module_version and e.id < a.id)'
			)
		);
	});

	it('answers the surveys as the store would: a minority of the past year’s completions and runs, anonymous, once each', () => {
		const one = (sql: string) => all<{ n: number }>(sql)[0].n;
		const responses = result.counts.surveyResponses;
		expect(one('select count(*) as n from survey_responses')).toBe(responses);
		expect(one('select count(*) as n from survey_answered')).toBe(responses);
		// About one in eight of each person's latest completion or run per subject in the year before today.
		const since = now.getTime() - ANSWER_WINDOW_DAYS * 86_400_000;
		const taken =
			one(
				`select count(*) as n from (select 1 from module_completions c join people p on p.id = c.person_id where c.completed_at >= ${since} and p.status = 'active' group by c.person_id, c.module_slug)`
			) +
			one(
				`select count(*) as n from (select 1 from scenario_runs r join people p on p.id = r.person_id where r.status = 'finished' and r.outcome is not null and r.finished_at >= ${since} and p.status = 'active' group by r.person_id, r.scenario_slug)`
			);
		expect(responses / taken).toBeGreaterThan(ANSWER_SHARE * 0.6);
		expect(responses / taken).toBeLessThan(ANSWER_SHARE * 1.4);
		// Every answer rates every item of its kind's survey, 1 to 5.
		for (const kind of ['module', 'scenario'] as const) {
			const items = content.surveys![kind].ratings.length;
			expect(one(`select count(*) as n from survey_ratings g join survey_responses r on r.id = g.response_id where r.kind = '${kind}'`)).toBe(
				items * one(`select count(*) as n from survey_responses where kind = '${kind}'`)
			);
		}
		expect(one('select count(*) as n from survey_ratings where rating not between 1 and 5')).toBe(0);
		// Nothing joins an answer to a person: no person column, only a month, within the window.
		expect(all<{ name: string }>("select name from pragma_table_info('survey_responses')").map((c) => c.name)).not.toContain('person_id');
		const months = all<{ month: string }>('select distinct month from survey_responses order by month').map((r) => r.month);
		expect(months[0] >= '2025-03').toBe(true);
		expect(months.at(-1)! <= '2026-03').toBe(true);
		// Each mark is of something the person did.
		expect(
			one(
				"select count(*) as n from survey_answered a where a.kind = 'module' and not exists (select 1 from module_completions c where c.person_id = a.person_id and c.module_slug = a.subject_slug and c.module_version = a.subject_version)"
			)
		).toBe(0);
		// A database that has answers gets no more.
		expect(seedSurveyAnswers(db.$client, content.surveys!, { seed: 2013, now })).toBe(0);
	});

	it('is deterministic: the same seed and date give the same rows', () => {
		const again = testDb();
		seedSynthetic(again, content, { staff: 300, years: 3, now, passwordHash: 'hash', chunk: 77 });
		for (const table of [
			'people',
			'evidence',
			'quiz_attempts',
			'scenario_runs',
			'assessments',
			'competency_status',
			'competency_cycles',
			'practical_sessions',
			'practical_bookings'
		]) {
			const digest = (d: Db) => JSON.stringify(d.$client.prepare(`select * from ${table} order by rowid`).raw().all());
			expect(digest(again), table).toBe(digest(db));
		}
		// The survey tables are WITHOUT ROWID: compared in key order.
		for (const table of ['survey_responses', 'survey_ratings', 'survey_answered']) {
			const digest = (d: Db) => JSON.stringify(d.$client.prepare(`select * from ${table} order by 1, 2, 3`).raw().all());
			expect(digest(again), table).toBe(digest(db));
		}
	});

	it('stores exactly the status and cycles refreshPerson derives from the ledger', () => {
		const snapshot = () =>
			JSON.stringify([
				all('select * from competency_status order by person_id, competency_id'),
				all('select * from competency_cycles order by person_id, competency_id, achieved_on')
			]);
		const before = snapshot();
		for (const { id } of all<{ id: number }>('select id from people')) refreshPerson(db, content.framework, id, now);
		expect(snapshot()).toBe(before);
	});

	it('puts nothing before a person started or after they left, and nothing in the future', () => {
		const bad = all(
			`select e.id from evidence e join people p on p.id = e.person_id
			 where e.occurred_on < p.start_date or (p.left_date is not null and e.occurred_on >= p.left_date) or e.occurred_on >= ? or e.recorded_at > ?`,
			result.today,
			now.getTime()
		);
		expect(bad).toEqual([]);
	});

	it('backs every module completion with a passing attempt and one evidence row per supported competency', () => {
		const completions = all<{ id: number; person_id: number; module_slug: string; attempt_id: number; completed_at: number }>(
			'select * from module_completions'
		);
		const attempt = db.$client.prepare('select * from quiz_attempts where id = ?');
		const evidenceFor = db.$client.prepare(
			"select competency_id from evidence where person_id = ? and kind = 'module' and ref = ? and recorded_at = ? order by competency_id"
		);
		for (const c of completions.slice(0, 400)) {
			expect(attempt.get(c.attempt_id)).toMatchObject({ person_id: c.person_id, module_slug: c.module_slug, passed: 1, submitted_at: c.completed_at });
			const supported = content.modules.find((m) => m.slug === c.module_slug)!.competencies;
			expect((evidenceFor.all(c.person_id, c.module_slug, c.completed_at) as { competency_id: string }[]).map((r) => r.competency_id)).toEqual(
				[...supported].sort()
			);
		}
	});

	it('stores finished runs the engine accepts: final snapshot, steps and result agree', () => {
		const runs = all<{ id: number; person_id: number; scenario_slug: string; snapshot: string; score: number; passed: number; outcome: string; step: number }>(
			'select * from scenario_runs'
		);
		expect(runs.some((r) => r.passed === 0)).toBe(true);
		for (const run of runs) {
			const def = content.scenarios.find((s) => s.slug === run.scenario_slug)!.def;
			expect(currentView(def, JSON.parse(run.snapshot)).finished).toBe(true);
			const steps = runRecords(db, run.id);
			expect(steps).toHaveLength(run.step);
			const summary = summariseRun(def, steps);
			expect({ score: summary.score, passed: summary.passed ? 1 : 0, outcome: summary.outcome }).toEqual({
				score: run.score,
				passed: run.passed,
				outcome: run.outcome
			});
		}
	});

	it('has observed assessments signed off by another trainer of the same organisation, and evidence only for competent ones', () => {
		const rows = all<{ outcome: string; assessor_id: number; person_id: number; evidence: number; same_org: number; trainer: number }>(
			`select a.outcome, a.assessor_id, a.person_id,
			  (select count(*) from evidence e where e.kind = 'observed' and e.ref = cast(a.id as text) and e.person_id = a.person_id and e.competency_id = a.competency_id and e.recorded_by = a.assessor_id) as evidence,
			  (select p.organisation_id = q.organisation_id from people p, people q where p.id = a.person_id and q.id = a.assessor_id) as same_org,
			  (select count(*) from role_grants g where g.person_id = a.assessor_id and g.role = 'trainer') as trainer
			 from assessments a`
		);
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) {
			expect(r.assessor_id).not.toBe(r.person_id);
			expect({ same_org: r.same_org, trainer: r.trainer, evidence: r.evidence }).toEqual({
				same_org: 1,
				trainer: 1,
				evidence: r.outcome === 'competent' ? 1 : 0
			});
		}
	});

	it('holds a year of practical sessions: registers taken for past ones through the register’s rows, bookings and waiting lists for upcoming ones', () => {
		const sessions = all<{ id: number; starts_at: number; ends_at: number; capacity: number; booked_count: number; status: string }>(
			'select * from practical_sessions'
		);
		expect(sessions.length).toBe(result.counts.practicalSessions);
		const past = sessions.filter((s) => s.ends_at < now.getTime());
		const future = sessions.filter((s) => s.starts_at > now.getTime());
		expect(past.length).toBeGreaterThan(future.length);
		expect(future.length).toBeGreaterThan(0);
		expect(Math.min(...sessions.map((s) => s.starts_at))).toBeGreaterThan(now.getTime() - 280 * 86_400_000);
		expect(Math.max(...sessions.map((s) => s.starts_at))).toBeLessThan(now.getTime() + 95 * 86_400_000);
		const booked = new Map(
			all<{ session_id: number; n: number }>("select session_id, count(*) as n from practical_bookings where status = 'booked' group by session_id").map(
				(r) => [r.session_id, r.n]
			)
		);
		for (const s of sessions) {
			expect(s.booked_count, `session ${s.id}`).toBe(booked.get(s.id) ?? 0);
			expect(s.booked_count).toBeLessThanOrEqual(s.capacity);
		}
		const marks = all<{ attendance: string | null; n: number }>(
			'select b.attendance, count(*) as n from practical_bookings b join practical_sessions s on s.id = b.session_id where s.ends_at < ? group by b.attendance',
			now.getTime()
		);
		expect(marks.map((m) => m.attendance).sort()).toEqual(['absent', 'attended', 'left-early']);
		expect(
			all("select id from practical_bookings where status = 'waiting' and session_id in (select id from practical_sessions where booked_count < capacity)")
		).toEqual([]);
		expect(
			all<{ n: number }>(
				'select count(*) as n from practical_bookings where session_id in (select id from practical_sessions where starts_at > ?)',
				now.getTime()
			)[0].n
		).toBeGreaterThan(0);
		expect(
			all(
				'select id from practical_bookings b where attendance is not null and (select starts_at from practical_sessions where id = b.session_id) > ?',
				now.getTime()
			)
		).toEqual([]);
		// Each assessed attendee has the assessment the register records: same person, competency and day, by a trainer of the session.
		const outcomes = all<{ outcome: string; assessments: number; evidence: number }>(
			`select b.outcome,
			  (select count(*) from assessments a where a.person_id = b.person_id and a.competency_id = sc.competency_id and a.outcome = b.outcome
			     and a.assessed_on = date(s.starts_at / 1000, 'unixepoch')
			     and a.assessor_id in (select person_id from practical_session_trainers t where t.session_id = s.id)) as assessments,
			  (select count(*) from evidence e join assessments a on e.ref = cast(a.id as text) and e.kind = 'observed'
			     where a.person_id = b.person_id and a.competency_id = sc.competency_id and a.assessed_on = date(s.starts_at / 1000, 'unixepoch') and e.occurred_on = a.assessed_on) as evidence
			 from practical_bookings b join practical_sessions s on s.id = b.session_id join practical_session_competencies sc on sc.session_id = s.id
			 where b.outcome is not null`
		);
		expect(outcomes.length).toBeGreaterThan(0);
		for (const o of outcomes) expect(o).toEqual({ outcome: o.outcome, assessments: 1, evidence: o.outcome === 'competent' ? 1 : 0 });
		// No one holds two live places at overlapping times.
		expect(
			all(
				`select a.id from practical_bookings a join practical_sessions sa on sa.id = a.session_id
				 join practical_bookings b on b.person_id = a.person_id and b.id > a.id join practical_sessions sb on sb.id = b.session_id
				 where a.status <> 'cancelled' and b.status <> 'cancelled' and sa.status = 'scheduled' and sb.status = 'scheduled'
				   and sa.starts_at < sb.ends_at and sb.starts_at < sa.ends_at`
			)
		).toEqual([]);
	});

	it('opens upcoming sessions to the bench learner', () => {
		const learner = result.accounts.find((a) => a.key === 'learner')!;
		const person = all<{ id: number; organisationId: number; unitId: number; jobRole: string }>(
			'select id, organisation_id as organisationId, unit_id as unitId, job_role as jobRole from people where id = ?',
			learner.personId
		)[0];
		expect(openSessions(db, person, result.today, {}, now).total).toBeGreaterThan(0);
	});

	it('gives the bench accounts their grants and the learner a steady five-year history', () => {
		const byEmail = new Map(
			all<{ email: string; id: number; password_hash: string | null }>('select id, email, password_hash from people where password_hash is not null').map(
				(p) => [p.email, p]
			)
		);
		expect([...byEmail.keys()].sort()).toEqual(BENCH_ACCOUNTS.map((a) => a.email).sort());
		const grants = all<{ email: string; role: string; organisation_id: number | null; unit_id: number | null }>(
			'select p.email, g.role, g.organisation_id, g.unit_id from role_grants g join people p on p.id = g.person_id where p.password_hash is not null'
		);
		expect(grants.find((g) => g.email === 'bench-unit-manager@synthetic.test')).toMatchObject({ role: 'manager', organisation_id: null });
		expect(grants.find((g) => g.email === 'bench-org-manager@synthetic.test')).toMatchObject({ role: 'manager', unit_id: null });
		const learner = result.accounts.find((a) => a.key === 'learner')!;
		const record = recordOn(db, content.framework, { id: learner.personId, jobRole: 'police-constable' }, result.today, now);
		expect(record.filter((r) => r.status === 'current' || r.status === 'due-soon').length).toBeGreaterThan(record.length / 2);
		const first = all<{ d: string }>('select min(occurred_on) as d from evidence where person_id = ?', learner.personId)[0].d;
		expect(first < '2023-09-01').toBe(true);
	});

	it('leaves the dashboard aggregates rebuilt for today and agreeing with the statuses', () => {
		expect(all('select day, enabled from compliance_state')).toEqual([{ day: result.today, enabled: 1 }]);
		const direct = all<{ n: number }>("select count(*) as n from competency_status cs join people p on p.id = cs.person_id where p.status = 'active'")[0].n;
		expect(all<{ n: number }>('select sum(required) as n from status_counts')[0].n).toBe(direct);
		expect(all<{ n: number }>('select count(*) as n from trend_dates')[0].n).toBe(13);
	});

	it('writes one entry vouching for the evidence and one summary, and the chain and the ledger verify', () => {
		expect(all('select action from audit_log')).toEqual([{ action: 'evidence-bulk-load' }, { action: 'synthetic-seed' }]);
		const evidence = all<{ n: number }>('select count(*) as n from evidence')[0].n;
		expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 2, evidenceRows: evidence });
	});

	// Last: it writes to the shared database.
	it('prepares benchmark choices that the app accepts, each once, including some that finish a run', () => {
		const pool = prepareChoicePool(db, content.scenarios, 60, now);
		expect(pool.choices).toHaveLength(60);
		expect(new Set(pool.choices.map((c) => c.runId)).size).toBe(60);
		const personOf = db.$client.prepare('select person_id from scenario_runs where id = ?').pluck();
		const results = pool.choices.map((c) => {
			const def = content.scenarios.find((s) => s.slug === c.slug)!.def;
			return takeStep(
				db,
				content.framework,
				personOf.get(c.runId) as number,
				def,
				{ runId: c.runId, event: c.event, step: c.step },
				new Date(now.getTime() + 5_000)
			);
		});
		expect(results.filter((r) => !r.ok)).toEqual([]);
		expect(results.some((r) => r.ok && r.finished && r.run.passed)).toBe(true);
		const again = prepareChoicePool(db, content.scenarios, 60, new Date(now.getTime() + 10_000));
		expect(again.choices.every((c) => !pool.choices.some((p) => p.runId === c.runId && p.step === c.step))).toBe(true);
		releaseChoicePool(db, pool);
		releaseChoicePool(db, again);
		expect(all('select id from sessions')).toEqual([]);
	});
});
