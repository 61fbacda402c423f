import { describe, expect, it } from 'vitest';
import { testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { addSession, practicalWorld } from '$testing/practical';
import '../mail/catalogue';
import { bookSession } from './booking';
import { planSessionReminders } from './reminders';

const framework = testFramework();

describe('session reminders', () => {
	it('reminds each person with a place once, two days before, and again only if the session moves', () => {
		const db = testDb();
		const world = practicalWorld(db);
		const id = addSession(db, world.trainer, { capacity: 1 }, new Date('2026-06-01T12:00:00Z'));
		const [a, b] = [world.learner(), world.learner()];
		bookSession(db, framework, a, id, new Date('2026-06-02T12:00:00Z'));
		bookSession(db, framework, b, id, new Date('2026-06-02T12:00:00Z'));
		// The session starts 2026-07-01T08:30Z.
		expect(planSessionReminders(db, framework, new Date('2026-06-28T12:00:00Z'))).toBe(0);
		expect(planSessionReminders(db, framework, new Date('2026-06-29T09:00:00Z'))).toBe(1);
		expect(planSessionReminders(db, framework, new Date('2026-06-29T10:00:00Z'))).toBe(0);
		const reminders = db.$client.prepare(`select person_id as p, subject from mail_outbox where subject like 'Reminder%'`).all();
		expect(reminders).toEqual([{ p: a.id, subject: 'Reminder: Personal safety training is in 2 days' }]);
		expect(planSessionReminders(db, framework, new Date('2026-07-01T09:00:00Z'))).toBe(0);
	});
});
