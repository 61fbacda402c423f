import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { recordEvidence } from '../competency/ledger';
import { openDb, type Db } from '../db';
import '../mail/catalogue';
import { assignRetraining, declaredChanges, systemKeyOf, type ChangedContent } from './retraining';
import { openAssignmentsOf } from './store';

const framework = testFramework();
const content = { framework, lookup: { moduleTitle: () => 'De-escalation (test)', scenarioTitle: () => 'Brixton Road (test)' } };
const NOW = new Date('2027-01-10T10:00:00Z');

/** Test fixtures, not shipped content: the de-escalation module and the Brixton Road scenario as if version 2 were a major change. */
const changedModule: ChangedContent = {
	kind: 'module',
	slug: 'de-escalation',
	audience: ['police-constable'],
	majorChange: { version: 2, retrainBy: '2027-03-31', whatChanged: 'Test fixture: the section on time and distance was rewritten' }
};
const changedScenario: ChangedContent = {
	kind: 'scenario',
	slug: 'street-section-136',
	audience: ['police-constable'],
	majorChange: { version: 2, retrainBy: '2027-04-30', whatChanged: 'Test fixture: the arrest route is judged under PACE' }
};

const evidence = (db: Db, personId: number, source: { module: string } | { scenario: string }, version: string, at: string) =>
	recordEvidence(db, framework, { personId, source, version, occurredOn: at.slice(0, 10), recordedBy: personId, at: new Date(at) });

function complete(db: Db, personId: number, version: string, at: string) {
	const c = db.$client;
	const attempt = c
		.prepare(
			"insert into quiz_attempts (person_id, module_slug, module_version, answers, correct, total, score, passed, submitted_at) values (?, 'de-escalation', ?, '{}', 1, 1, 100, 1, ?)"
		)
		.run(personId, version, Date.parse(at)).lastInsertRowid;
	c.prepare(
		"insert into module_completions (person_id, module_slug, module_version, attempt_id, score, completed_at) values (?, 'de-escalation', ?, ?, 100, ?)"
	).run(personId, version, attempt, Date.parse(at));
	evidence(db, personId, { module: 'de-escalation' }, version, at);
}

/** A finished run of the scenario; only a passed one is evidence. */
function play(db: Db, personId: number, version: string, at: string, passed = true) {
	db.$client
		.prepare(
			"insert into scenario_runs (person_id, scenario_slug, scenario_version, snapshot, step, shown_at, status, started_at, finished_at, score, outcome, passed, flags) values (?, 'street-section-136', ?, '{}', 5, ?, 'finished', ?, ?, 12, ?, ?, '[]')"
		)
		.run(personId, version, Date.parse(at), Date.parse(at), Date.parse(at) + 600_000, passed ? 'safe-resolution' : 'harm', passed ? 1 : 0);
	if (passed) evidence(db, personId, { scenario: 'street-section-136' }, version, at);
}

const count = (db: Db, sql: string, ...params: unknown[]) =>
	db.$client
		.prepare(sql)
		.pluck()
		.get(...params) as number;

describe('the major changes content declares', () => {
	it('lists modules and scenarios that declare one, and nothing else', () => {
		const change = changedModule.majorChange;
		const changes = declaredChanges(
			[
				{ slug: 'a', meta: { audience: ['paramedic'], majorChange: change } },
				{ slug: 'b', meta: { audience: ['paramedic'] } }
			],
			[{ slug: 'c', meta: { audience: ['police-constable'], majorChange: change } }]
		);
		expect(changes).toEqual([
			{ kind: 'module', slug: 'a', audience: ['paramedic'], majorChange: change },
			{ kind: 'scenario', slug: 'c', audience: ['police-constable'], majorChange: change }
		]);
	});
});

describe('retraining when a module has a major change', () => {
	let db: Db;
	let onOld: { id: number };
	let onNew: { id: number };
	let never: { id: number };
	let nurse: { id: number };
	beforeEach(() => {
		db = testDb();
		const unit = addUnit(db, addOrganisation(db).id);
		onOld = addPerson(db, unit);
		onNew = addPerson(db, unit);
		never = addPerson(db, unit);
		nurse = addPerson(db, unit, { jobRole: 'mental-health-nurse' });
		complete(db, onOld.id, '1.0.0', '2026-06-01T10:00:00Z');
		complete(db, onNew.id, '1.0.0', '2026-06-01T10:00:00Z');
		complete(db, onNew.id, '2.0.0', '2027-01-02T10:00:00Z');
		complete(db, nurse.id, '1.0.0', '2026-06-01T10:00:00Z');
	});

	it('assigns it to those in its audience whose latest completion is on an older version, once, with what changed', async () => {
		expect((await assignRetraining(db, content, [changedModule], { now: NOW })).reached).toBe(1);
		const [a] = openAssignmentsOf(db, onOld.id, '2027-01-10');
		expect(a).toMatchObject({
			ref: 'de-escalation',
			dueOn: '2027-03-31',
			minVersion: 2,
			reason: 'Content changed: Test fixture: the section on time and distance was rewritten'
		});
		for (const p of [onNew, never, nurse]) expect(openAssignmentsOf(db, p.id)).toEqual([]);
		// Idempotent: the next run makes nothing new, and writes nothing.
		expect(await assignRetraining(db, content, [changedModule], { now: NOW })).toEqual({ reached: 0, chunks: 0, stopped: false });
		expect(count(db, 'select count(*) from assignments')).toBe(1);
		expect(count(db, "select count(*) from mail_outbox where template = 'assignment-update'")).toBe(1);
	});

	it('is met by a completion on the new version only', async () => {
		await assignRetraining(db, content, [changedModule], { now: NOW });
		complete(db, onOld.id, '1.0.0', '2027-01-11T10:00:00Z');
		expect(openAssignmentsOf(db, onOld.id)).toHaveLength(1);
		complete(db, onOld.id, '2.0.0', '2027-01-12T10:00:00Z');
		expect(openAssignmentsOf(db, onOld.id)).toHaveLength(0);
	});

	it('gives those reached late (a joiner, or a first run after the retrain-by date) 28 days from the day reached', async () => {
		await assignRetraining(db, content, [changedModule], { now: NOW });
		// A joiner trained on the old version elsewhere, reached after the retrain-by date of 31 March.
		const joiner = addPerson(db, {
			id: count(db, 'select unit_id from people where id = ?', onOld.id),
			organisationId: count(db, 'select organisation_id from assignments')
		});
		complete(db, joiner.id, '1.0.0', '2026-09-01T10:00:00Z');
		expect((await assignRetraining(db, content, [changedModule], { now: new Date('2027-04-15T09:00:00Z') })).reached).toBe(1);
		expect(openAssignmentsOf(db, joiner.id, '2027-04-15')).toEqual([expect.objectContaining({ dueOn: '2027-05-13', state: 'open' })]);
		// Those reached in good time keep the retrain-by date, on the same assignment.
		expect(openAssignmentsOf(db, onOld.id, '2027-04-15')).toEqual([expect.objectContaining({ dueOn: '2027-03-31', state: 'overdue' })]);
		expect(count(db, 'select count(*) from assignments')).toBe(1);
		const detail = JSON.parse(db.$client.prepare("select detail from audit_log where action = 'assignment-reach'").pluck().get() as string);
		expect(detail).toMatchObject({ retrainBy: '2027-03-31', dueOn: '2027-05-13', people: 1 });
		// The email tells them the date they have.
		const told = db.$client.prepare("select data from mail_outbox where person_id = ? and template = 'assignment-update'").pluck().get(joiner.id) as string;
		expect(told).toContain('13 May 2027');
	});

	it('adds no one to an organisation whose manager cancelled its retraining', async () => {
		await assignRetraining(db, content, [changedModule], { now: NOW });
		db.$client.prepare("update assignments set cancelled_at = 1, cancel_reason = 'Retrained in person'").run();
		const unit = addUnit(db, count(db, 'select organisation_id from assignments'));
		const late = addPerson(db, unit);
		complete(db, late.id, '1.0.0', '2026-07-01T10:00:00Z');
		expect((await assignRetraining(db, content, [changedModule], { now: NOW })).reached).toBe(0);
		expect(count(db, 'select count(*) from assignment_people where person_id = ?', late.id)).toBe(0);
	});
});

describe('retraining when a scenario has a major change', () => {
	let db: Db;
	beforeEach(() => {
		db = testDb();
	});

	it('assigns it to those whose latest passing run is on an older version, and a pass on the new version meets it', async () => {
		const unit = addUnit(db, addOrganisation(db).id);
		const passedOld = addPerson(db, unit);
		const failedNew = addPerson(db, unit); // passed the old version, then failed the new one: still on the old
		const passedNew = addPerson(db, unit);
		const onlyFailed = addPerson(db, unit); // never passed: nothing to retrain
		play(db, passedOld.id, '1.1.0', '2026-05-01T10:00:00Z');
		play(db, failedNew.id, '1.0.0', '2026-05-01T10:00:00Z');
		play(db, failedNew.id, '2.0.0', '2027-01-05T10:00:00Z', false);
		play(db, passedNew.id, '1.0.0', '2026-05-01T10:00:00Z');
		play(db, passedNew.id, '2.0.0', '2027-01-05T10:00:00Z');
		play(db, onlyFailed.id, '1.0.0', '2026-05-01T10:00:00Z', false);

		expect((await assignRetraining(db, content, [changedScenario], { now: NOW })).reached).toBe(2);
		for (const p of [passedOld, failedNew])
			expect(openAssignmentsOf(db, p.id)).toMatchObject([
				{
					kind: 'scenario',
					ref: 'street-section-136',
					dueOn: '2027-04-30',
					minVersion: 2,
					reason: 'Content changed: Test fixture: the arrest route is judged under PACE'
				}
			]);
		for (const p of [passedNew, onlyFailed]) expect(openAssignmentsOf(db, p.id)).toEqual([]);

		play(db, passedOld.id, '2.0.0', '2027-01-11T10:00:00Z');
		expect(openAssignmentsOf(db, passedOld.id)).toEqual([]);
		expect(openAssignmentsOf(db, failedNew.id)).toHaveLength(1);
	});

	it('makes one assignment per organisation, so each organisation’s managers see their own', async () => {
		const [a, b] = [addOrganisation(db), addOrganisation(db)].map((o) => addUnit(db, o.id));
		const inA = addPerson(db, a);
		const inB = addPerson(db, b);
		for (const p of [inA, inB]) play(db, p.id, '1.0.0', '2026-05-01T10:00:00Z');
		await assignRetraining(db, content, [changedScenario], { now: NOW });
		const rows = db.$client
			.prepare('select organisation_id as organisationId, system_key as systemKey, target_kind as targetKind from assignments order by id')
			.all();
		expect(rows).toEqual([
			{ organisationId: a.organisationId, systemKey: systemKeyOf(changedScenario, a.organisationId), targetKind: 'content-change' },
			{ organisationId: b.organisationId, systemKey: systemKeyOf(changedScenario, b.organisationId), targetKind: 'content-change' }
		]);
	});
});

describe('retraining a whole force', () => {
	let db: Db;
	let people: { id: number }[];
	beforeEach(() => {
		db = testDb();
		const unit = addUnit(db, addOrganisation(db).id);
		people = Array.from({ length: 7 }, () => addPerson(db, unit));
		for (const p of people) play(db, p.id, '1.0.0', '2026-05-01T10:00:00Z');
	});

	it('reaches people in chunks, each its own transaction with its audit entry', async () => {
		const run = await assignRetraining(db, content, [changedScenario], { now: NOW, chunkSize: 3, rangeSize: 4 });
		// Ranges of 4 ids give 4 and 3 people; chunks of 3 split the first range in two.
		expect(run).toEqual({ reached: 7, chunks: 3, stopped: false });
		const audit = db.$client.prepare("select action, detail from audit_log where entity = 'assignment' order by id").all() as {
			action: string;
			detail: string;
		}[];
		expect(audit.map((e) => [e.action, JSON.parse(e.detail).people])).toEqual([
			['assignment-create', 3],
			['assignment-reach', 1],
			['assignment-reach', 3]
		]);
		expect(count(db, 'select count(*) from assignments')).toBe(1);
		expect(count(db, "select count(*) from mail_outbox where template = 'assignment-update'")).toBe(7);
	});

	it('gives the event loop back between chunks, so requests are answered while it runs', async () => {
		const seen: number[] = [];
		const watch = () =>
			setImmediate(() => {
				seen.push(count(db, 'select count(*) from assignment_people'));
				if (seen.length < 20) watch();
			});
		watch();
		await assignRetraining(db, content, [changedScenario], { now: NOW, chunkSize: 2 });
		// Something else ran after the first chunk and before the last: the job never held the thread throughout.
		expect(seen.some((n) => n > 0 && n < 7)).toBe(true);
	});

	it('stops between chunks when asked, and the next run finishes the rest', async () => {
		// Asked to stop (a shutdown) once four people have been reached: after the second chunk of two.
		const shouldStop = () => count(db, 'select count(*) from assignment_people') >= 4;
		const first = await assignRetraining(db, content, [changedScenario], { now: NOW, chunkSize: 2, shouldStop });
		expect(first).toEqual({ reached: 4, chunks: 2, stopped: true });
		expect((await assignRetraining(db, content, [changedScenario], { now: NOW })).reached).toBe(3);
		expect(count(db, 'select count(*) from assignment_people')).toBe(7);
	});
});

describe('retraining in several processes at once', () => {
	let dir: string;
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('reaches each person once, with one assignment and one email each, however the runs interleave', async () => {
		dir = mkdtempSync(join(tmpdir(), 'retraining-'));
		const path = join(dir, 'academy.db');
		const first = openDb(path);
		const second = openDb(path);
		const unit = addUnit(first, addOrganisation(first).id);
		for (let i = 0; i < 9; i++) play(first, addPerson(first, unit).id, '1.0.0', '2026-05-01T10:00:00Z');
		// Two connections, as two server processes would have, running interleaved chunk by chunk.
		const runs = await Promise.all([first, second].map((db) => assignRetraining(db, content, [changedScenario], { now: NOW, chunkSize: 2 })));
		expect(runs[0].reached + runs[1].reached).toBe(9);
		expect(count(first, 'select count(*) from assignments')).toBe(1);
		expect(count(first, 'select count(*) from assignment_people')).toBe(9);
		expect(count(first, "select count(*) from mail_outbox where template = 'assignment-update'")).toBe(9);
		first.$client.close();
		second.$client.close();
	});
});
