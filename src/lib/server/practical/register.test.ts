import { beforeEach, describe, expect, it } from 'vitest';
import { grant, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { addSession, practicalWorld } from '$testing/practical';
import type { Principal } from '../access/policy';
import type { Db } from '../db';
import '../mail/catalogue';
import { bookSession } from './booking';
import { readRegisterForm, registerRows, takeRegister } from './register';

const framework = testFramework();
const BOOKED_AT = new Date('2026-06-10T12:00:00Z');
const ON_THE_DAY = new Date('2026-07-01T16:00:00Z');

describe('the register', () => {
	let db: Db;
	let world: ReturnType<typeof practicalWorld>;
	let sessionId: number;
	let a: ReturnType<ReturnType<typeof practicalWorld>['learner']>;
	let b: ReturnType<ReturnType<typeof practicalWorld>['learner']>;
	let c: ReturnType<ReturnType<typeof practicalWorld>['learner']>;
	beforeEach(() => {
		db = testDb();
		world = practicalWorld(db);
		sessionId = addSession(db, world.trainer, { capacity: 3 }, BOOKED_AT);
		[a, b, c] = [world.learner({ name: 'A' }), world.learner({ name: 'B' }), world.learner({ name: 'C' })];
		for (const p of [a, b, c]) bookSession(db, framework, p, sessionId, BOOKED_AT);
	});
	const form = (entries: Record<string, string>) => {
		const f = new FormData();
		for (const [k, v] of Object.entries(entries)) f.set(k, v);
		return f;
	};
	const ids = () => registerRows(db, sessionId).map((r) => r.bookingId);

	it('records attendance, evidence for "competent" and the notes for "not yet", in one go', () => {
		const [ba, bb, bc] = ids();
		const { entries, errors } = readRegisterForm(
			form({
				[`attendance-${ba}`]: 'attended',
				[`outcome-${ba}`]: 'competent',
				[`attendance-${bb}`]: 'attended',
				[`outcome-${bb}`]: 'not-yet-competent',
				[`notes-${bb}`]: 'Needs to practise the rear hold',
				[`attendance-${bc}`]: 'absent'
			}),
			ids()
		);
		expect(errors).toEqual({});
		expect(takeRegister(db, framework, world.trainer, sessionId, entries, ON_THE_DAY)).toEqual({ ok: true, assessed: 1, notYet: 1 });
		const evidence = db.$client.prepare('select person_id as p, competency_id as c, kind, occurred_on as d from evidence').all();
		expect(evidence).toEqual([{ p: a.id, c: 'safe-restraint', kind: 'observed', d: '2026-07-01' }]);
		const assessments = db.$client.prepare('select person_id as p, outcome, notes, assessor_id as by from assessments order by id').all();
		expect(assessments).toEqual([
			{ p: a.id, outcome: 'competent', notes: '', by: world.trainer.id },
			{ p: b.id, outcome: 'not-yet-competent', notes: 'Needs to practise the rear hold', by: world.trainer.id }
		]);
		expect(registerRows(db, sessionId).map((r) => [r.name, r.attendance, r.outcome])).toEqual([
			['A', 'attended', 'competent'],
			['B', 'attended', 'not-yet-competent'],
			['C', 'absent', null]
		]);
		// Saving the same register again records nothing twice.
		expect(takeRegister(db, framework, world.trainer, sessionId, entries, ON_THE_DAY)).toEqual({ ok: true, assessed: 0, notYet: 0 });
		expect(db.$client.prepare('select count(*) from assessments').pluck().get()).toBe(2);
	});

	it('refuses an outcome for someone not attending, "not yet" without notes, and changes nothing', () => {
		const [ba, bb] = ids();
		const { entries } = readRegisterForm(
			form({ [`attendance-${ba}`]: 'absent', [`outcome-${ba}`]: 'competent', [`attendance-${bb}`]: 'attended', [`outcome-${bb}`]: 'not-yet-competent' }),
			ids()
		);
		const result = takeRegister(db, framework, world.trainer, sessionId, entries, ON_THE_DAY);
		expect(result).toMatchObject({
			ok: false,
			errors: { [`outcome-${ba}`]: 'Mark A as attended to record an assessment', [`notes-${bb}`]: expect.any(String) }
		});
		expect(db.$client.prepare('select count(*) from assessments').pluck().get()).toBe(0);
		expect(db.$client.prepare('select count(*) from practical_bookings where attendance is not null').pluck().get()).toBe(0);
	});

	it('no one signs themselves off, and only the session’s trainers take its register, once it has started', () => {
		// A second trainer of the organisation, booked on the session as a learner.
		const other = world.learner({ name: 'D' });
		grant(db, other.id, 'trainer', { organisationId: world.org.id });
		const otherTrainer: Principal = { ...other, grants: [{ role: 'trainer', organisationId: world.org.id, unitId: null }] };
		expect(takeRegister(db, framework, otherTrainer, sessionId, [], ON_THE_DAY)).toEqual({ ok: false, forbidden: true });
		const selfBooked = addSession(db, world.trainer, { startsAt: new Date('2026-08-01T08:00:00Z'), endsAt: new Date('2026-08-01T10:00:00Z') }, BOOKED_AT);
		bookSession(db, framework, { ...world.trainer, status: 'active', name: world.trainer.name }, selfBooked, BOOKED_AT);
		const [mine] = registerRows(db, selfBooked).map((r) => r.bookingId);
		const entries = [{ bookingId: mine, attendance: 'attended' as const, outcome: 'competent' as const, notes: '' }];
		expect(takeRegister(db, framework, world.trainer, selfBooked, entries, new Date('2026-08-01T11:00:00Z'))).toMatchObject({
			ok: false,
			errors: { [`outcome-${mine}`]: 'You cannot sign yourself off: another trainer must' }
		});
		expect(takeRegister(db, framework, world.trainer, sessionId, [], BOOKED_AT)).toMatchObject({
			ok: false,
			errors: { form: expect.stringMatching(/once the session has started/) }
		});
	});

	it('refuses values that are not on the form', () => {
		const [ba] = ids();
		const { errors } = readRegisterForm(form({ [`attendance-${ba}`]: 'asleep', [`outcome-${ba}`]: 'great', [`notes-${ba}`]: 'x\u0001' }), ids());
		expect(Object.keys(errors).sort()).toEqual([`attendance-${ba}`, `notes-${ba}`, `outcome-${ba}`]);
	});
});
