import { beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { recordEvidence } from '../competency/ledger';
import type { Db } from '../db';
import '../mail/catalogue';
import { assignRetraining, type ChangedModule } from './retraining';
import { openAssignmentsOf } from './store';

const framework = testFramework();
const content = { framework, lookup: { moduleTitle: () => 'De-escalation (test)', scenarioTitle: () => undefined } };
const NOW = new Date('2027-01-10T10:00:00Z');

/** A test fixture, not shipped content: the de-escalation module as if its version 2 were a major change. */
const changed: ChangedModule = {
	slug: 'de-escalation',
	meta: {
		audience: ['police-constable'],
		version: '2.0.0',
		majorChange: { version: 2, retrainBy: '2027-03-31', whatChanged: 'Test fixture: the section on time and distance was rewritten' }
	}
};

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
	recordEvidence(db, framework, {
		personId,
		source: { module: 'de-escalation' },
		version,
		occurredOn: at.slice(0, 10),
		recordedBy: personId,
		at: new Date(at)
	});
}

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

	it('assigns it to those in its audience whose latest completion is on an older version, once, with what changed', () => {
		expect(assignRetraining(db, content, [changed], NOW)).toBe(1);
		const [a] = openAssignmentsOf(db, onOld.id, '2027-01-10');
		expect(a).toMatchObject({
			ref: 'de-escalation',
			dueOn: '2027-03-31',
			minVersion: 2,
			reason: 'Content changed: Test fixture: the section on time and distance was rewritten'
		});
		for (const p of [onNew, never, nurse]) expect(openAssignmentsOf(db, p.id)).toEqual([]);
		// Idempotent: the next run makes nothing new.
		expect(assignRetraining(db, content, [changed], NOW)).toBe(0);
		expect(db.$client.prepare('select count(*) from assignments').pluck().get()).toBe(1);
		expect(db.$client.prepare("select count(*) from mail_outbox where template = 'assignment-update'").pluck().get()).toBe(1);
	});

	it('is met by a completion on the new version only', () => {
		assignRetraining(db, content, [changed], NOW);
		complete(db, onOld.id, '1.0.0', '2027-01-11T10:00:00Z');
		expect(openAssignmentsOf(db, onOld.id)).toHaveLength(1);
		complete(db, onOld.id, '2.0.0', '2027-01-12T10:00:00Z');
		expect(openAssignmentsOf(db, onOld.id)).toHaveLength(0);
	});

	it('does nothing for a module without a major change', () => {
		expect(assignRetraining(db, content, [{ ...changed, meta: { ...changed.meta, majorChange: undefined } }], NOW)).toBe(0);
	});
});
