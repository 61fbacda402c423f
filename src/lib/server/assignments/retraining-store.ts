/**
 * The SQL of retraining (retraining.ts): who may need it, read a range of people ids at a time along the primary key,
 * each person's latest evidence found through their own index (module_completions_person, scenario_runs_person); and
 * whether one person still needs it, checked again inside the write. Never a scan of all completions or runs.
 */
import type { Db } from '../db';
import { connectionOf, statementsFor } from '../db/prepared';
import type { AssignmentKind } from './rules';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** What a retraining is for: a module or scenario, the job roles it is for, and the major version it needs. */
export type RetrainingTarget = { kind: Extract<AssignmentKind, 'module' | 'scenario'>; slug: string; audience: readonly string[]; major: number };

/** A person who may need retraining, with the version of their latest completion or pass (null when they have none). */
export type Candidate = { id: number; organisationId: number; version: string | null };

// The latest evidence of the content: a module's latest completion, or a scenario's latest passing run.
const LATEST = {
	module: `(select mc.module_version from module_completions mc where mc.person_id = p.id and mc.module_slug = @slug
		order by mc.completed_at desc, mc.id desc limit 1)`,
	scenario: `(select r.scenario_version from scenario_runs r where r.person_id = p.id and r.scenario_slug = @slug and r.passed = 1
		order by r.started_at desc, r.id desc limit 1)`
} as const;

// Already reached by a retraining for this major version (or a later one), in any organisation: never reached twice.
const NOT_YET_REACHED = `not exists (select 1 from assignment_people ap join assignments a on a.id = ap.assignment_id
	where ap.person_id = p.id and a.kind = @kind and a.ref = @slug and a.min_version >= @major)`;

function statements(db: Db | Tx, kind: RetrainingTarget['kind']) {
	return statementsFor(db, `retraining-${kind}`, (c) => ({
		range: c.prepare(
			`select p.id, p.organisation_id as organisationId, ${LATEST[kind]} as version from people p
			 where p.id between @lo and @hi and p.status = 'active' and p.job_role in (select value from json_each(@roles)) and ${NOT_YET_REACHED}
			 order by p.id`
		),
		one: c.prepare(
			`select p.id, p.organisation_id as organisationId, ${LATEST[kind]} as version from people p
			 where p.id = @id and p.status = 'active' and p.job_role in (select value from json_each(@roles)) and ${NOT_YET_REACHED}`
		)
	}));
}

const parameters = (t: RetrainingTarget) => ({ kind: t.kind, slug: t.slug, major: t.major, roles: JSON.stringify(t.audience) });

/** The lowest and highest person id, for reading in ranges. */
export function personIdRange(db: Db): { lo: number; hi: number } | null {
	const r = connectionOf(db).prepare('select min(id) as lo, max(id) as hi from people').get() as { lo: number | null; hi: number | null };
	return r.lo === null || r.hi === null ? null : { lo: r.lo, hi: r.hi };
}

/** Active people in the audience with ids from lo to hi, not yet reached, with their latest evidence's version. */
export function candidatesIn(db: Db, target: RetrainingTarget, lo: number, hi: number): Candidate[] {
	return statements(db, target.kind).range.all({ ...parameters(target), lo, hi }) as Candidate[];
}

/** The same for one person, read again inside the write: undefined when they no longer qualify or were reached meanwhile. */
export function candidate(tx: Tx, target: RetrainingTarget, id: number): Candidate | undefined {
	return statements(tx, target.kind).one.get({ ...parameters(target), id }) as Candidate | undefined;
}

/** The system-made assignment with this key: its id and whether a manager cancelled it. */
export function systemAssignment(tx: Tx, systemKey: string): { id: number; cancelled: boolean } | undefined {
	const row = connectionOf(tx).prepare('select id, cancelled_at as cancelledAt from assignments where system_key = ?').get(systemKey) as
		{ id: number; cancelledAt: number | null } | undefined;
	return row && { id: row.id, cancelled: row.cancelledAt !== null };
}
