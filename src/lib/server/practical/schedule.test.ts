import { beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { addSession, practicalWorld, sessionInput } from '$testing/practical';
import type { Db } from '../db';
import '../mail/catalogue';
import { bookSession } from './booking';
import { cancelSession, createSession, updateSession } from './schedule';
import { getSession } from './store';

const framework = testFramework();
const NOW = new Date('2026-06-10T12:00:00Z');
const audit = (db: Db) => db.$client.prepare('select action from audit_log order by id').pluck().all();

describe('scheduling practical sessions', () => {
	let db: Db;
	let world: ReturnType<typeof practicalWorld>;
	beforeEach(() => {
		db = testDb();
		world = practicalWorld(db);
	});

	it('creates a session with its competencies, trainers and who may book, and audits it', () => {
		const input = sessionInput(world.org.id, world.trainer.id, {
			audience: { organisations: [world.org.id], units: [world.unit.id], roles: ['police-constable'] }
		});
		const result = createSession(db, world.trainer, input, NOW);
		expect(result.ok).toBe(true);
		const session = getSession(db, (result as { id: number }).id)!;
		expect(session).toMatchObject({ title: 'Personal safety training', capacity: 2, bookedCount: 0, status: 'scheduled', sequence: 0 });
		expect(session.competencyIds).toEqual(['safe-restraint']);
		expect(session.trainerIds).toEqual([world.trainer.id]);
		expect(session.audience).toEqual({ organisations: [world.org.id], units: [world.unit.id], roles: ['police-constable'] });
		expect(audit(db)).toContain('session-create');
	});

	it('refuses someone who does not run sessions for the organisation, trainers of another, and a start in the past', () => {
		const other = addOrganisation(db);
		expect(createSession(db, world.trainer, sessionInput(other.id, world.trainer.id), NOW)).toEqual({ ok: false, forbidden: true });
		const learner = world.learner();
		const asLearner = { ...learner, grants: [] };
		expect(createSession(db, asLearner, sessionInput(world.org.id, world.trainer.id), NOW)).toEqual({ ok: false, forbidden: true });
		const outsider = addPerson(db, addUnit(db, other.id));
		const refused = createSession(db, world.trainer, sessionInput(world.org.id, outsider.id, { startsAt: new Date('2026-06-01T09:00:00Z') }), NOW);
		expect(refused).toMatchObject({ ok: false, errors: { trainerIds: expect.any(String), date: 'The session must start in the future' } });
		expect(db.$client.prepare('select count(*) from practical_sessions').pluck().get()).toBe(0);
	});

	it('tells people booked about a change of time, with the next calendar sequence, and promotes when places are added', () => {
		const id = addSession(db, world.trainer, { capacity: 1 }, NOW);
		const [a, b] = [world.learner(), world.learner()];
		bookSession(db, framework, a, id, NOW);
		bookSession(db, framework, b, id, NOW);
		const moved = sessionInput(world.org.id, world.trainer.id, {
			capacity: 2,
			startsAt: new Date('2026-07-02T08:30:00Z'),
			endsAt: new Date('2026-07-02T15:30:00Z')
		});
		expect(updateSession(db, framework, world.trainer, id, moved, NOW)).toEqual({ ok: true, id });
		expect(getSession(db, id)).toMatchObject({ sequence: 1, bookedCount: 2, capacity: 2 });
		const mail = db.$client.prepare('select person_id as p, subject, calendar from mail_outbox where id > 2 order by id').all() as {
			p: number;
			subject: string;
			calendar: string;
		}[];
		expect(mail.map((m) => [m.p, m.subject])).toEqual([
			[a.id, 'Personal safety training has changed'],
			[b.id, 'Personal safety training has changed'],
			[b.id, 'A place came free: you are now booked on Personal safety training']
		]);
		expect(mail[0].calendar).toMatch(/SEQUENCE:1/);
		expect(mail[0].calendar).toMatch(/DTSTART:20260702T083000Z/);
	});

	it('will not shrink a session below the places taken', () => {
		const id = addSession(db, world.trainer, { capacity: 2 }, NOW);
		bookSession(db, framework, world.learner(), id, NOW);
		bookSession(db, framework, world.learner(), id, NOW);
		const result = updateSession(db, framework, world.trainer, id, sessionInput(world.org.id, world.trainer.id, { capacity: 1 }), NOW);
		expect(result).toMatchObject({ ok: false, errors: { capacity: '2 people hold places, so the session needs at least 2 places' } });
		expect(getSession(db, id)!.capacity).toBe(2);
	});

	it('cancels with a reason: every booking ends, each person gets a METHOD:CANCEL', () => {
		const id = addSession(db, world.trainer, { capacity: 1 }, NOW);
		const [a, b] = [world.learner(), world.learner()];
		bookSession(db, framework, a, id, NOW);
		bookSession(db, framework, b, id, NOW);
		expect(cancelSession(db, framework, world.trainer, id, 'Trainer unwell', NOW)).toEqual({ ok: true, id });
		expect(getSession(db, id)).toMatchObject({ status: 'cancelled', cancelReason: 'Trainer unwell', bookedCount: 0, sequence: 1 });
		expect(db.$client.prepare('select distinct status from practical_bookings').pluck().all()).toEqual(['cancelled']);
		const mail = db.$client.prepare(`select person_id as p, calendar from mail_outbox where subject like '%has been cancelled'`).all() as {
			p: number;
			calendar: string;
		}[];
		expect(mail.map((m) => m.p).sort()).toEqual([a.id, b.id].sort());
		for (const m of mail) expect(m.calendar).toMatch(/METHOD:CANCEL/);
		expect(audit(db)).toContain('session-cancel');
		expect(cancelSession(db, framework, world.trainer, id, 'again', NOW)).toMatchObject({ ok: false, errors: { form: 'This session is already cancelled' } });
	});
});
