import { describe, expect, it } from 'vitest';
import { addUnit, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { addSession, practicalWorld } from '$testing/practical';
import { refreshPerson } from '../competency/ledger';
import '../mail/catalogue';
import { bookSession } from './booking';
import { attendanceList, dueWithoutBooking, openSessions } from './lists';

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
		const open = openSessions(db, me, TODAY, NOW);
		expect(open.map((s) => s.title)).toEqual(['My organisation', 'Anyone']);
		expect(open[0]).toMatchObject({ id: ids.myOrg, needed: true, competencyIds: ['safe-restraint'] });
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
