import { beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { completeModule } from '$testing/evidence';
import { testFramework } from '$testing/framework';
import { addDays } from '../competency/dates';
import { refreshPerson } from '../competency/ledger';
import { DUE_SOON_DAYS } from '../competency/status-rule';
import type { Db } from '../db';
import './catalogue';
import { FINAL_REMINDER_DAYS, planReminders, thresholdOf } from './reminders';

const framework = testFramework();
const TODAY = '2026-06-15';
const ORIGIN = 'https://academy.example.org';

let db: Db;
let unit: { id: number; organisationId: number };
const complete = (personId: number, module: string, day: string) => completeModule(db, framework, personId, module, day);
const plan = (today = TODAY, dryRun = false) => planReminders(db, framework, { today, origin: ORIGIN, dryRun, now: new Date(`${today}T09:00:00Z`) });
const outbox = () =>
	db.$client.prepare('select person_id as personId, kind, template, subject, data, dedupe_key as dedupeKey from mail_outbox order by id').all() as {
		personId: number;
		kind: string;
		subject: string;
		data: string;
		dedupeKey: string;
	}[];
const items = (row: { data: string }) => (JSON.parse(row.data) as { items: string[] }).items;

beforeEach(() => {
	db = testDb();
	const org = addOrganisation(db, 'Police', 'police');
	unit = addUnit(db, org.id, 'BCU');
});

describe('refresher reminder planning', () => {
	it('uses the platform’s due-soon rule and a final reminder a week before', () => {
		expect(thresholdOf(addDays(TODAY, DUE_SOON_DAYS), TODAY)).toBe('due-soon');
		expect(thresholdOf(addDays(TODAY, FINAL_REMINDER_DAYS + 1), TODAY)).toBe('due-soon');
		expect(thresholdOf(addDays(TODAY, FINAL_REMINDER_DAYS), TODAY)).toBe('final');
		expect(thresholdOf(addDays(TODAY, 1), TODAY)).toBe('final');
		expect(thresholdOf(TODAY, TODAY)).toBe('expired');
	});

	it('sends each threshold of a cycle once: due soon, a week before, on expiry; re-runs send nothing', () => {
		const p = addPerson(db, unit, { jobRole: 'call-handler', name: 'Ann Example' });
		complete(p.id, 'staff-wellbeing', '2024-07-15'); // post-incident, 24 months: expires 2026-07-15
		const first = plan();
		expect(first).toMatchObject({ messages: 1, items: { 'due-soon': 1, final: 0, expired: 0 } });
		expect(outbox()).toHaveLength(1);
		expect(outbox()[0]).toMatchObject({
			personId: p.id,
			kind: 'reminder',
			subject: 'Your “Record, debrief and learn after an incident” training is due for a refresher'
		});
		expect(items(outbox()[0])).toEqual(['Record, debrief and learn after an incident: expires on 15 July 2026 (in 30 days)']);
		expect(JSON.parse(outbox()[0].data)).toMatchObject({ name: 'Ann Example', trainingUrl: `${ORIGIN}/training`, dueSoonDays: String(DUE_SOON_DAYS) });

		// Again the same day, the next day, and a week later: nothing new.
		expect(plan().messages).toBe(0);
		expect(plan('2026-06-16').messages).toBe(0);
		expect(plan('2026-07-07').messages).toBe(0);
		expect(plan('2026-07-08')).toMatchObject({ messages: 1, items: { final: 1 } });
		expect(plan('2026-07-09').messages).toBe(0);
		expect(plan('2026-07-15')).toMatchObject({ messages: 1, items: { expired: 1 } });
		expect(plan('2026-09-01').messages).toBe(0);
		expect(outbox().map((r) => r.subject)).toEqual([
			'Your “Record, debrief and learn after an incident” training is due for a refresher',
			'Your “Record, debrief and learn after an incident” training expires in 7 days',
			'Your “Record, debrief and learn after an incident” training has expired'
		]);
		// Renewing starts a new cycle, reminded in its turn.
		complete(p.id, 'staff-wellbeing', '2026-09-01');
		expect(plan('2028-07-15')).toMatchObject({ messages: 1, items: { 'due-soon': 1 } });
	});

	it('puts what falls due together in one message, and sends at most one a person a day', () => {
		// a role for which the working-together module alone meets information-sharing (a nurse also needs a scenario)
		const p = addPerson(db, unit, { jobRole: 'liaison-diversion-practitioner' });
		complete(p.id, 'staff-wellbeing', '2024-07-15'); // post-incident, 2026-07-15
		complete(p.id, 'working-together', '2024-07-20'); // information-sharing (24 months) 2026-07-20; crisis-pathways (12 months) expired 2025-07-20
		expect(plan()).toMatchObject({ messages: 1, items: { 'due-soon': 2, expired: 1 } });
		const [message] = outbox();
		expect(message.subject).toBe('3 parts of your training need a refresher, 1 of them already expired');
		expect(items(message)).toHaveLength(3);
		expect(items(message)[0]).toMatch(/^Navigate crisis care pathways and Right Care, Right Person: expired on 20 July 2025$/);

		// Something new falls due the same day (evidence voided, say): it waits until tomorrow.
		complete(p.id, 'mental-capacity-act', '2025-07-01'); // mca-emergencies, 12 months: 2026-07-01
		const sameDay = plan();
		expect(sameDay).toMatchObject({ messages: 0, deferred: 1 });
		expect(plan('2026-06-16')).toMatchObject({ messages: 1, items: { 'due-soon': 1 } });
		expect(outbox()).toHaveLength(2);
	});

	it('reminds only active people, of competencies their job role needs, once across a change of role', () => {
		const left = addPerson(db, unit, { jobRole: 'call-handler', status: 'left', leftDate: '2026-01-01' });
		complete(left.id, 'staff-wellbeing', '2024-07-15');
		const nurse = addPerson(db, unit, { jobRole: 'mental-health-nurse' });
		complete(nurse.id, 'mental-health-act', '2025-07-01'); // mha-powers, 12 months for a nurse: 2026-07-01
		// A status the role does not need (left behind by hand): never reminded.
		db.$client
			.prepare(
				"insert into competency_status (person_id, competency_id, achieved_on, expires_on, updated_at) values (?, 'vulnerable-detainees', '2025-01-01', '2026-06-20', 0)"
			)
			.run(nurse.id);
		expect(plan()).toMatchObject({ messages: 1, items: { 'due-soon': 1 } });
		expect(outbox()[0].personId).toBe(nurse.id);
		expect(items(outbox()[0])).toEqual(['Apply Mental Health Act sections 135 and 136 lawfully: expires on 1 July 2026 (in 16 days)']);

		// To another role that also needs it, with the same expiry: not sent again.
		db.$client.prepare("update people set job_role = 'liaison-diversion-practitioner' where id = ?").run(nurse.id);
		refreshPerson(db, framework, nurse.id);
		expect(plan('2026-06-16').messages).toBe(0);
		// To a role that does not need it, and back: still not again.
		db.$client.prepare("update people set job_role = 'call-handler' where id = ?").run(nurse.id);
		refreshPerson(db, framework, nurse.id);
		expect(plan('2026-06-17').messages).toBe(0);
		db.$client.prepare("update people set job_role = 'mental-health-nurse' where id = ?").run(nurse.id);
		refreshPerson(db, framework, nurse.id);
		expect(plan('2026-06-18').messages).toBe(0);
	});

	it('a dry run counts what would be queued and writes nothing', () => {
		const p = addPerson(db, unit, { jobRole: 'call-handler' });
		complete(p.id, 'staff-wellbeing', '2024-07-15');
		const changes = db.$client.prepare('select total_changes()').pluck();
		const before = changes.get();
		expect(plan(TODAY, true)).toMatchObject({ dryRun: true, messages: 1, items: { 'due-soon': 1 } });
		expect(changes.get()).toBe(before);
		expect(outbox()).toHaveLength(0);
		expect(plan().messages).toBe(1);
	});

	it('a rolled-back change queues nothing', () => {
		const p = addPerson(db, unit, { jobRole: 'call-handler' });
		complete(p.id, 'staff-wellbeing', '2024-07-15');
		expect(() =>
			db.transaction(() => {
				planReminders(db, framework, { today: TODAY, origin: ORIGIN });
				throw new Error('the change failed');
			})
		).toThrow('the change failed');
		expect(outbox()).toHaveLength(0);
		expect(db.$client.prepare('select count(*) from reminder_keys').pluck().get()).toBe(0);
	});
});
