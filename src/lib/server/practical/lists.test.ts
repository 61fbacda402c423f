import { describe, expect, it } from 'vitest';
import { addUnit, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { addSession, practicalWorld } from '$testing/practical';
import { refreshPerson } from '../competency/ledger';
import '../mail/catalogue';
import { bookSession } from './booking';
import { attendanceList, dueWithoutBooking, OPEN_PAGE_SIZE, openSessions } from './lists';

const framework = testFramework();
const NOW = new Date('2026-06-10T12:00:00Z');
const TODAY = '2026-06-10';

describe('session lists', () => {
	it('shows a learner only sessions open to their organisation, unit and job role, those they need first', () => {
		const db = testDb();
		const w = practicalWorld(db);
		const other = addUnit(db, w.org.id);
		const me = w.learner();
		const later = new Date('2026-08-01T08:00:00Z');
		const ids = {
			anyone: addSession(db, w.trainer, { title: 'Anyone', competencyIds: ['use-of-force-act'] }),
			myOrg: addSession(db, w.trainer, {
				title: 'My organisation',
				startsAt: later,
				endsAt: new Date('2026-08-01T10:00:00Z'),
				audience: { organisations: [w.org.id], units: [], roles: [] }
			}),
			otherUnit: addSession(db, w.trainer, { title: 'Other unit', audience: { organisations: [], units: [other.id], roles: [] } }),
			nurses: addSession(db, w.trainer, { title: 'Nurses', audience: { organisations: [], units: [], roles: ['mental-health-nurse'] } })
		};
		// Safe restraint has never been achieved, so its session comes first even though it is later; a constable does not need the Mental Health Units (Use of Force) Act.
		refreshPerson(db, framework, me.id, NOW);
		const open = openSessions(db, me, TODAY, {}, NOW);
		expect(open.sessions.map((s) => s.title)).toEqual(['My organisation', 'Anyone']);
		expect(open.sessions[0]).toMatchObject({ id: ids.myOrg, needed: true, competencyIds: ['safe-restraint'] });
		expect(open).toMatchObject({ total: 2, needed: 1, page: 1, pages: 1 });
	});

	it('pages the open sessions, those the learner needs first on the first page, and filters them by competency', () => {
		const db = testDb();
		const w = practicalWorld(db);
		const me = w.learner();
		refreshPerson(db, framework, me.id, NOW);
		const day = (n: number, hour = 8) => new Date(Date.UTC(2026, 6, 1 + n, hour));
		const session = (title: string, n: number, competencyIds: string[]) =>
			addSession(db, w.trainer, { title, competencyIds, startsAt: day(n), endsAt: day(n, 10), bookingClosesAt: day(n - 1) });
		// Twelve sessions the constable does not need, the soonest first; three they need (safe restraint, never achieved), later.
		for (let n = 0; n < 12; n++) session(`Other ${String(n).padStart(2, '0')}`, n, ['use-of-force-act']);
		for (let n = 20; n < 23; n++) session(`Needed ${n}`, n, ['safe-restraint']);
		const both = session('Needed and other', 30, ['use-of-force-act', 'safe-restraint']);
		// A cancelled one is never listed, nor counted.
		const cancelled = session('Cancelled', 1, ['safe-restraint']);
		db.$client.prepare(`update practical_sessions set status = 'cancelled' where id = ?`).run(cancelled);

		const first = openSessions(db, me, TODAY, {}, NOW);
		expect(first).toMatchObject({ total: 16, needed: 4, page: 1, pages: 2 });
		expect(first.sessions).toHaveLength(OPEN_PAGE_SIZE);
		expect(first.sessions.map((s) => s.title)).toEqual([
			'Needed 20',
			'Needed 21',
			'Needed 22',
			'Needed and other',
			...['00', '01', '02', '03', '04', '05'].map((n) => `Other ${n}`)
		]);
		expect(first.sessions.find((s) => s.id === both)!.competencyIds).toEqual(['safe-restraint', 'use-of-force-act']);
		const second = openSessions(db, me, TODAY, { page: 2 }, NOW);
		expect(second.sessions.map((s) => s.title)).toEqual(['06', '07', '08', '09', '10', '11'].map((n) => `Other ${n}`));
		expect(second.sessions.every((s) => !s.needed)).toBe(true);
		// A page past the end shows the last.
		expect(openSessions(db, me, TODAY, { page: 9 }, NOW)).toMatchObject({ page: 2, sessions: second.sessions });

		const restraint = openSessions(db, me, TODAY, { competency: 'safe-restraint' }, NOW);
		expect(restraint).toMatchObject({ total: 4, needed: 4, pages: 1 });
		expect(restraint.sessions.map((s) => s.title)).toEqual(['Needed 20', 'Needed 21', 'Needed 22', 'Needed and other']);
		expect(openSessions(db, me, TODAY, { competency: 'use-of-force-act' }, NOW)).toMatchObject({ total: 13, needed: 1 });
		expect(openSessions(db, me, TODAY, { competency: 'de-escalation' }, NOW)).toMatchObject({ total: 0, needed: 0, page: 1, pages: 1, sessions: [] });

		// Another constable of the unit who is in date on safe restraint: with no write in between (so the first
		// learner's listing is still kept), theirs has nothing they need first.
		const inDate = w.learner();
		refreshPerson(db, framework, inDate.id, NOW);
		db.$client.prepare(`update competency_status set expires_on = '2030-01-01' where person_id = ? and competency_id = 'safe-restraint'`).run(inDate.id);
		expect(openSessions(db, me, TODAY, {}, NOW).needed).toBe(4);
		const theirs = openSessions(db, inDate, TODAY, {}, NOW);
		expect(theirs).toMatchObject({ total: 16, needed: 0 });
		expect(theirs.sessions[0].title).toBe('Other 00');

		// Sessions that have started are no longer listed.
		expect(openSessions(db, me, TODAY, { competency: 'use-of-force-act' }, day(3)).total).toBe(9);

		// A session the learner is booked on stays in the list, saying so.
		bookSession(db, framework, me, first.sessions[0].id, NOW);
		expect(openSessions(db, me, TODAY, {}, NOW).sessions[0]).toMatchObject({ title: 'Needed 20', myStatus: 'booked' });
	});

	it('lists people due a practical assessment with no booking, and managers see attendance in scope only', () => {
		const db = testDb();
		const w = practicalWorld(db);
		const [a, b] = [w.learner({ name: 'Booked' }), w.learner({ name: 'Unbooked' })];
		// Statuses exist once a person's record is derived.
		for (const p of [a, b]) refreshPerson(db, framework, p.id, NOW);
		const id = addSession(db, w.trainer, {});
		bookSession(db, framework, a, id, NOW);
		const due = dueWithoutBooking(db, framework, [w.org.id], TODAY, NOW);
		expect(due.some((d) => d.name === 'Unbooked' && d.competencyId === 'safe-restraint')).toBe(true);
		expect(due.some((d) => d.name === 'Booked' && d.competencyId === 'safe-restraint')).toBe(false);
		// Never achieved first, then by expiry, by name among equals, across the practical competencies.
		const key = (d: (typeof due)[number]) => `${d.expiresOn ?? ''}|${d.name}`;
		expect(due.map(key)).toEqual(due.map(key).sort((x, y) => x.localeCompare(y)));
		expect(attendanceList(db, { kind: 'scoped', organisationIds: [w.org.id], unitIds: [] }, 'booked', NOW).map((r) => r.name)).toEqual(['Booked']);
		expect(attendanceList(db, { kind: 'scoped', organisationIds: [w.org.id + 1], unitIds: [] }, 'all', NOW)).toEqual([]);
	});
});
