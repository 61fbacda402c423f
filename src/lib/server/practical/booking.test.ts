import { rmSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { addSession, practicalWorld } from '$testing/practical';
import type { Db } from '../db';
import '../mail/catalogue';
import { bookSession, cancelBooking } from './booking';
import { getSession } from './store';

const framework = testFramework();
const NOW = new Date('2026-06-10T12:00:00Z');

const outbox = (db: Db) =>
	db.$client.prepare('select person_id as personId, subject, calendar from mail_outbox order by id').all() as {
		personId: number;
		subject: string;
		calendar: string | null;
	}[];
const statuses = (db: Db, sessionId: number) =>
	db.$client.prepare('select person_id as personId, status from practical_bookings where session_id = ? order by id').all(sessionId);

describe('booking a practical session', () => {
	let db: Db;
	let world: ReturnType<typeof practicalWorld>;
	let sessionId: number;
	beforeEach(() => {
		db = testDb();
		world = practicalWorld(db);
		sessionId = addSession(db, world.trainer, { capacity: 2 });
	});

	it('books places up to the capacity, then puts people on the waiting list', () => {
		const [a, b, c] = [world.learner(), world.learner(), world.learner()];
		expect(bookSession(db, framework, a, sessionId, NOW)).toEqual({ ok: true, status: 'booked' });
		expect(bookSession(db, framework, b, sessionId, NOW)).toEqual({ ok: true, status: 'booked' });
		expect(bookSession(db, framework, c, sessionId, NOW)).toEqual({ ok: true, status: 'waiting' });
		expect(getSession(db, sessionId)!.bookedCount).toBe(2);
		const mail = outbox(db);
		expect(mail.map((m) => m.subject)).toEqual([
			'You are booked on Personal safety training',
			'You are booked on Personal safety training',
			'You are on the waiting list for Personal safety training'
		]);
		expect(mail[0].calendar).toMatch(/METHOD:REQUEST/);
		expect(mail[2].calendar).toBeNull();
	});

	it('refuses a second booking of the same session', () => {
		const a = world.learner();
		bookSession(db, framework, a, sessionId, NOW);
		expect(bookSession(db, framework, a, sessionId, NOW)).toEqual({ ok: false, notFound: false, error: 'You are already booked on this session' });
		expect(getSession(db, sessionId)!.bookedCount).toBe(1);
	});

	it('refuses a booking that overlaps another, even by a minute, and allows one that only touches it', () => {
		const a = world.learner();
		const overlapping = addSession(db, world.trainer, { startsAt: new Date('2026-07-01T15:29:00Z'), endsAt: new Date('2026-07-01T17:00:00Z') });
		const after = addSession(db, world.trainer, { startsAt: new Date('2026-07-01T15:30:00Z'), endsAt: new Date('2026-07-01T17:00:00Z') });
		expect(bookSession(db, framework, a, sessionId, NOW).ok).toBe(true);
		const refused = bookSession(db, framework, a, overlapping, NOW);
		expect(refused).toEqual({ ok: false, notFound: false, error: 'You are already booked on “Personal safety training”, which overlaps this session' });
		expect(statuses(db, overlapping)).toEqual([]);
		expect(bookSession(db, framework, a, after, NOW).ok).toBe(true);
	});

	it('counts a waiting-list place as a clash too, and frees it on cancelling', () => {
		const [a, b, c] = [world.learner(), world.learner(), world.learner()];
		bookSession(db, framework, a, sessionId, NOW);
		bookSession(db, framework, b, sessionId, NOW);
		expect(bookSession(db, framework, c, sessionId, NOW)).toMatchObject({ status: 'waiting' });
		const other = addSession(db, world.trainer, { startsAt: new Date('2026-07-01T10:00:00Z') });
		expect(bookSession(db, framework, c, other, NOW).ok).toBe(false);
		expect(cancelBooking(db, framework, c, sessionId, NOW)).toEqual({ ok: true });
		expect(bookSession(db, framework, c, other, NOW)).toEqual({ ok: true, status: 'booked' });
	});

	it('gives a freed place to the first on the waiting list, in order, and tells them', () => {
		const [a, b, c, d] = [world.learner(), world.learner(), world.learner(), world.learner()];
		for (const p of [a, b, c, d]) bookSession(db, framework, p, sessionId, NOW);
		expect(cancelBooking(db, framework, a, sessionId, NOW)).toEqual({ ok: true });
		expect(statuses(db, sessionId)).toEqual([
			{ personId: a.id, status: 'cancelled' },
			{ personId: b.id, status: 'booked' },
			{ personId: c.id, status: 'booked' },
			{ personId: d.id, status: 'waiting' }
		]);
		expect(getSession(db, sessionId)!.bookedCount).toBe(2);
		const mail = outbox(db).slice(-2);
		expect(mail[0]).toMatchObject({ personId: a.id, subject: 'Your booking on Personal safety training is cancelled' });
		expect(mail[0].calendar).toMatch(/METHOD:CANCEL/);
		expect(mail[1]).toMatchObject({ personId: c.id, subject: 'A place came free: you are now booked on Personal safety training' });
		expect(mail[1].calendar).toMatch(/METHOD:REQUEST/);
		// Leaving the waiting list frees no place and promotes no one.
		expect(cancelBooking(db, framework, d, sessionId, NOW)).toEqual({ ok: true });
		expect(getSession(db, sessionId)!.bookedCount).toBe(2);
	});

	it('refuses booking and cancelling a place after the cut-off, and booking a session not open to the person', () => {
		const a = world.learner();
		bookSession(db, framework, a, sessionId, NOW);
		const late = new Date('2026-06-30T09:00:00Z');
		expect(bookSession(db, framework, world.learner(), sessionId, late)).toEqual({ ok: false, notFound: false, error: 'Booking for this session has closed' });
		expect(cancelBooking(db, framework, a, sessionId, late)).toMatchObject({ ok: false });
		expect(statuses(db, sessionId)).toEqual([{ personId: a.id, status: 'booked' }]);
		const nurses = addSession(db, world.trainer, {
			startsAt: new Date('2026-08-01T08:00:00Z'),
			audience: { organisations: [], units: [], roles: ['mental-health-nurse'] }
		});
		expect(bookSession(db, framework, a, nurses, NOW)).toEqual({ ok: false, notFound: true });
	});

	it('never takes more places than there are when many connections book the same session (real parallel posts: tests/practical-sessions.e2e.ts)', async () => {
		const file = `/tmp/practical-concurrency-${process.pid}-${Date.now()}.db`;
		const { openDb } = await import('../db');
		const shared = openDb(file);
		const w = practicalWorld(shared);
		const id = addSession(shared, w.trainer, { capacity: 3 });
		const people = Array.from({ length: 12 }, () => w.learner());
		// One connection each, as separate server processes would have, interleaved on the event loop.
		const connections = people.map(() => openDb(file));
		const results = await Promise.all(people.map((p, i) => Promise.resolve().then(() => bookSession(connections[i], framework, p, id, NOW))));
		expect(results.filter((r) => r.ok && r.status === 'booked')).toHaveLength(3);
		expect(results.filter((r) => r.ok && r.status === 'waiting')).toHaveLength(9);
		expect(shared.$client.prepare(`select count(*) from practical_bookings where session_id = ? and status = 'booked'`).pluck().get(id)).toBe(3);
		expect(getSession(shared, id)!.bookedCount).toBe(3);
		for (const c of connections) c.$client.close();
		shared.$client.close();
		for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	});
});
