// Checks a database left behind by a killed server against what the learners were told, read-only, so the
// next start meets the files exactly as the crash left them (WAL and all).
import Database from 'better-sqlite3';
import { expect } from '@playwright/test';
import { verifyAuditFile } from '../../src/lib/server/audit/verify-file';
import type { Learner } from './learner';

export type Baseline = { quizAttempt: number; completion: number; run: number };
type Client = Database.Database;

function open(path: string): Client {
	return new Database(path, { readonly: true, fileMustExist: true });
}

/** What was there before the learners began, so only their writes are counted. */
export function takeBaseline(path: string, learners: Learner[]): Baseline {
	const db = open(path);
	try {
		for (const learner of learners) {
			learner.personId = (db.prepare('select id from people where email = ?').get(learner.email) as { id: number }).id;
		}
		const max = (table: string) => (db.prepare(`select coalesce(max(id), 0) as n from ${table}`).get() as { n: number }).n;
		return { quizAttempt: max('quiz_attempts'), completion: max('module_completions'), run: max('scenario_runs') };
	} finally {
		db.close();
	}
}

export type RoundFindings = { inFlight: number; inFlightCommitted: number };

/**
 * Every acknowledged write must be there; the one write per learner that was in flight may or may not be.
 * Afterwards each learner's journal is brought up to what the database holds, so the next round starts from the truth.
 */
export function checkAfterCrash(path: string, learners: Learner[], baseline: Baseline): RoundFindings {
	const db = open(path);
	const findings: RoundFindings = { inFlight: 0, inFlightCommitted: 0 };
	try {
		expect(db.pragma('integrity_check', { simple: true }), 'PRAGMA integrity_check').toBe('ok');
		expect(db.pragma('foreign_key_check'), 'PRAGMA foreign_key_check').toEqual([]);
		for (const learner of learners) {
			const committed = checkLearner(db, learner, baseline);
			if (learner.inFlight) {
				findings.inFlight++;
				if (committed) findings.inFlightCommitted++;
			}
			learner.inFlight = null;
		}
		checkAuditedTogether(db, baseline);
	} finally {
		db.close();
	}
	const audit = verifyAuditFile(path);
	expect(audit, 'the audit chain (npm run audit:verify)').toMatchObject({ exitCode: 0 });
	return findings;
}

/** Returns whether the learner's in-flight write turned out to be committed. */
function checkLearner(db: Client, learner: Learner, baseline: Baseline): boolean {
	const who = learner.email;
	const pending = learner.inFlight;
	let committed = false;
	const liveSessions = db.prepare('select count(*) as n from sessions where person_id = ? and expires_at > ?').get(learner.personId, Date.now()) as {
		n: number;
	};
	expect(liveSessions.n, `${who}: the acknowledged sign-in left a session`).toBeGreaterThan(0);

	const readRow = db.prepare('select 1 from module_progress where person_id = ? and module_slug = ? and section_id = ?');
	for (const read of learner.reads) {
		const [slug, section] = read.split('/');
		expect(readRow.get(learner.personId, slug, section), `${who}: acknowledged read of ${read}`).toBeTruthy();
	}
	if (pending?.kind === 'read' && readRow.get(learner.personId, pending.slug, pending.section)) learner.reads.add(`${pending.slug}/${pending.section}`);

	const attempts = db
		.prepare('select module_slug as slug, count(*) as n from quiz_attempts where person_id = ? and id > ? group by module_slug')
		.all(learner.personId, baseline.quizAttempt) as { slug: string; n: number }[];
	const attemptsIn = new Map(attempts.map((r) => [r.slug, r.n]));
	for (const slug of new Set([...attemptsIn.keys(), ...learner.quizzes.keys()])) {
		const acked = learner.quizzes.get(slug) ?? 0;
		const found = attemptsIn.get(slug) ?? 0;
		const mayHaveOneMore = pending?.kind === 'quiz' && pending.slug === slug ? 1 : 0;
		expect(found, `${who}: knowledge-check attempts on ${slug} (acknowledged ${acked})`).toBeGreaterThanOrEqual(acked);
		expect(found, `${who}: knowledge-check attempts on ${slug} (acknowledged ${acked}, in flight ${mayHaveOneMore})`).toBeLessThanOrEqual(
			acked + mayHaveOneMore
		);
		if (found > acked) committed = true;
		learner.quizzes.set(slug, found);
	}

	const completions = db
		.prepare('select module_slug as slug, count(*) as n from module_completions where person_id = ? and id > ? group by module_slug')
		.all(learner.personId, baseline.completion) as { slug: string; n: number }[];
	const completionsIn = new Map(completions.map((r) => [r.slug, r.n]));
	for (const [slug, acked] of learner.completions) {
		expect(completionsIn.get(slug) ?? 0, `${who}: completions of ${slug} acknowledged by a redirect`).toBeGreaterThanOrEqual(acked);
	}

	const reflection = db.prepare('select body from reflections where person_id = ? and module_slug = ? and reflection_id = ?');
	for (const [id, body] of learner.reflections) {
		const [slug, reflectionId] = id.split('/');
		const stored = (reflection.get(learner.personId, slug, reflectionId) as { body: string } | undefined)?.body;
		const inFlightBody = pending?.kind === 'reflect' && `${pending.slug}/${pending.reflectionId}` === id ? pending.body : undefined;
		expect([body, inFlightBody], `${who}: reflection ${id}`).toContain(stored);
	}
	if (pending?.kind === 'reflect') {
		const stored = (reflection.get(learner.personId, pending.slug, pending.reflectionId) as { body: string } | undefined)?.body;
		if (stored === pending.body) {
			committed = true;
			learner.reflections.set(`${pending.slug}/${pending.reflectionId}`, pending.body);
		}
	}

	return checkRuns(db, learner, baseline) || committed;
}

type RunRow = { id: number; slug: string; step: number; status: string; snapshot: string };

/** Each run holds exactly the acknowledged decisions (plus the one in flight, at most), and its state follows from them. */
function checkRuns(db: Client, learner: Learner, baseline: Baseline): boolean {
	const who = learner.email;
	const pending = learner.inFlight;
	let committed = false;
	const rows = db
		.prepare('select id, scenario_slug as slug, step, status, snapshot from scenario_runs where person_id = ? and id > ?')
		.all(learner.personId, baseline.run) as RunRow[];
	const stepsOf = db.prepare('select event, to_state as toState from scenario_steps where run_id = ? order by step');
	for (const row of rows) {
		const steps = stepsOf.all(row.id) as { event: string; toState: string }[];
		expect(row.step, `${who}: run ${row.id} step counter matches its decisions`).toBe(steps.length);
		const value = (JSON.parse(row.snapshot) as { value: unknown }).value;
		if (steps.length && typeof value === 'string' && row.status === 'active') expect(value, `${who}: run ${row.id} state`).toBe(steps.at(-1)!.toState);
		const events = steps.map((s) => s.event);
		let known = learner.runs.get(row.id);
		if (!known) {
			// Only a start whose answer never came may leave a run the learner was not told about.
			expect(pending, `${who}: run ${row.id} exists but its start was never acknowledged`).toMatchObject({ kind: 'start', slug: row.slug });
			expect(events, `${who}: run ${row.id} from an unacknowledged start`).toEqual([]);
			known = { id: row.id, slug: row.slug, events: [], finished: false, page: null };
			learner.runs.set(row.id, known);
			committed = true;
		}
		const extra = pending?.kind === 'choose' && pending.runId === row.id ? [...known.events, pending.event] : undefined;
		expect([known.events, extra].filter(Boolean), `${who}: decisions of run ${row.id}`).toContainEqual(events);
		if (events.length > known.events.length) {
			committed = true;
			known.events = events;
			known.page = null;
		}
		expect(row.status === 'finished' || !known.finished, `${who}: run ${row.id} acknowledged as finished is finished`).toBe(true);
		known.finished = row.status === 'finished';
		if (known.finished && learner.current?.id === row.id) learner.current = null;
	}
	for (const run of learner.runs.values()) {
		expect(
			rows.some((r) => r.id === run.id),
			`${who}: acknowledged run ${run.id} is there`
		).toBe(true);
	}
	return committed;
}

/** A write and its audit entry share a transaction: neither may survive a crash without the other. */
function checkAuditedTogether(db: Client, baseline: Baseline): void {
	const unaudited = (table: string, entity: string, since: number) =>
		(
			db
				.prepare(
					`select count(*) as n from ${table} t where t.id > ? and not exists (select 1 from audit_log a where a.entity = ? and a.entity_id = cast(t.id as text))`
				)
				.get(since, entity) as { n: number }
		).n;
	expect(unaudited('quiz_attempts', 'quiz_attempt', baseline.quizAttempt), 'knowledge-check attempts without an audit entry').toBe(0);
	expect(unaudited('module_completions', 'module_completion', baseline.completion), 'completions without an audit entry').toBe(0);
	const mismatched = db
		.prepare(
			`select r.id from scenario_runs r where r.id > ? and (select count(*) from scenario_steps s where s.run_id = r.id) !=
			 (select count(*) from audit_log a where a.entity = 'scenario_run' and a.entity_id = cast(r.id as text) and a.action in ('scenario-step', 'scenario-finish'))`
		)
		.all(baseline.run);
	expect(mismatched, 'runs whose decisions and audit entries differ in number').toEqual([]);
}
