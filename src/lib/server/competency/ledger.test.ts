import { beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { competencyCycles, competencyStatus, evidence, people } from '../db/schema';
import { addPersonOnTheirOwn, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { recordEvidence, recordOn, refreshPerson, statusesOn, voidEvidence } from './ledger';
import type { Db } from '../db';

const framework = testFramework();
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('evidence ledger', () => {
	let db: Db;
	let personId: number;
	beforeEach(() => {
		db = testDb();
		personId = addPersonOnTheirOwn(db, { jobRole: 'mental-health-nurse' }).id;
	});
	const record = (source: Parameters<typeof recordEvidence>[2]['source'], day: string) =>
		recordEvidence(db, framework, { personId, source, version: '1.0.0', occurredOn: day, recordedBy: personId, at: at(day) });

	it('writes one row per competency a module supports, with version, date and recorder', () => {
		const ids = record({ module: 'restraint-safety' }, '2025-03-03');
		const rows = db.select().from(evidence).all();
		expect(rows.map((r) => r.competencyId).sort()).toEqual(['cant-breathe-response', 'physical-monitoring', 'safe-restraint']);
		expect(rows[0]).toMatchObject({ kind: 'module', ref: 'restraint-safety', contentVersion: '1.0.0', occurredOn: '2025-03-03', recordedBy: personId });
		expect(ids).toHaveLength(3);
	});

	it('rebuilds the record on a past date: "was this nurse in date for restraint safety on 3 March?"', () => {
		record({ module: 'restraint-safety' }, '2024-01-15');
		record({ scenario: 'ward-restraint-request' }, '2024-02-01');
		const person = { id: personId, jobRole: 'mental-health-nurse' };
		const on = (date: string) => recordOn(db, framework, person, date).find((r) => r.competency.id === 'safe-restraint')!;
		expect(on('2024-01-31')).toMatchObject({ status: 'not-achieved' });
		expect(on('2024-03-03')).toMatchObject({ status: 'current', achievedOn: '2024-02-01', expiresOn: '2025-01-15' });
		expect(on('2025-01-15')).toMatchObject({ status: 'expired' });
		expect(on('2025-03-03').cycles).toEqual([{ achievedOn: '2024-02-01', expiresOn: '2025-01-15' }]);
	});

	it('voids by appending a correction with a reason; nothing is changed or deleted', () => {
		const [first] = record({ module: 'staff-wellbeing' }, '2026-01-10');
		const voidedAt = new Date();
		expect(voidEvidence(db, framework, { evidenceId: first, personId, reason: 'Recorded against the wrong person', actorId: personId, at: voidedAt })).toEqual({
			ok: true
		});
		const rows = db.select().from(evidence).all();
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({ id: first, voidsId: null, reason: null });
		expect(rows[1]).toMatchObject({ voidsId: first, reason: 'Recorded against the wrong person' });
		const person = { id: personId, jobRole: 'mental-health-nurse' };
		const post = recordOn(db, framework, person, '2026-02-01').find((r) => r.competency.id === 'post-incident')!;
		expect(post.status).toBe('not-achieved');
		// the record as it stood before the correction still shows it
		const before = recordOn(db, framework, person, '2026-02-01', new Date(voidedAt.getTime() - 1)).find((r) => r.competency.id === 'post-incident')!;
		expect(before.status).not.toBe('not-achieved');
		expect(voidEvidence(db, framework, { evidenceId: first, personId, reason: 'again', actorId: personId }).ok).toBe(false);
	});

	it('keeps the derived status and cycles in step with the ledger and the job role', () => {
		record({ module: 'staff-wellbeing' }, '2026-01-10');
		const stored = db.select().from(competencyStatus).where(eq(competencyStatus.competencyId, 'post-incident')).get();
		expect(stored).toMatchObject({ achievedOn: '2026-01-10', expiresOn: '2028-01-10' });
		expect(db.select({ n: count() }).from(competencyCycles).get()!.n).toBe(1);
		// a nurse needs safe restraint; a call handler does not
		expect(db.select().from(competencyStatus).where(eq(competencyStatus.competencyId, 'safe-restraint')).get()).toBeDefined();
		db.update(people).set({ jobRole: 'call-handler' }).where(eq(people.id, personId)).run();
		refreshPerson(db, framework, personId);
		expect(db.select().from(competencyStatus).where(eq(competencyStatus.competencyId, 'safe-restraint')).get()).toBeUndefined();
	});

	it('gives the same statuses without the history as with it, on any date and as known at any time', () => {
		const ids = [
			...record({ module: 'restraint-safety' }, '2024-02-01'),
			...record({ scenario: 'ward-restraint-request' }, '2024-03-01'),
			...record({ module: 'restraint-safety' }, '2025-01-20'),
			...record({ module: 'staff-wellbeing' }, '2025-02-01'),
			...record({ module: 'acute-behavioural-disturbance' }, '2025-06-01')
		];
		const voidedAt = new Date();
		voidEvidence(db, framework, { evidenceId: ids[2], personId, reason: 'Wrong person', actorId: personId, at: voidedAt });
		const person = { id: personId, jobRole: 'mental-health-nurse' };
		for (const date of ['2024-01-01', '2024-02-15', '2024-03-10', '2025-01-25', '2025-03-01', '2026-02-01'])
			for (const knownAt of [new Date(voidedAt.getTime() - 1), voidedAt, new Date('2024-02-20T12:00:00Z')]) {
				const full = recordOn(db, framework, person, date, knownAt).map(({ cycles: _cycles, ...rest }) => rest);
				expect(statusesOn(db, framework, person, date, knownAt), `${date} known at ${knownAt.toISOString()}`).toEqual(full);
			}
	});

	it('rewrites only the statuses and cycles that change, and drops the cycles a new job role does not need', () => {
		record({ module: 'staff-wellbeing' }, '2024-01-10');
		record({ module: 'restraint-safety' }, '2025-01-10');
		const cyclesOf = (competencyId: string) =>
			db.$client
				.prepare('select rowid, achieved_on from competency_cycles where person_id = ? and competency_id = ? order by rowid')
				.all(personId, competencyId);
		const untouched = cyclesOf('post-incident');
		expect(untouched).toHaveLength(1);
		record({ module: 'restraint-safety' }, '2026-01-10');
		expect(cyclesOf('post-incident')).toEqual(untouched);
		expect(cyclesOf('safe-restraint')).toEqual([]); // a nurse also needs the ward scenario: never achieved
		// renewed on the day it lapsed: one unbroken period, in date since the first
		expect(cyclesOf('cant-breathe-response')).toMatchObject([{ achieved_on: '2025-01-10' }]);
		db.update(people).set({ jobRole: 'call-handler' }).where(eq(people.id, personId)).run();
		refreshPerson(db, framework, personId);
		expect(cyclesOf('cant-breathe-response')).toEqual([]);
		expect(cyclesOf('post-incident')).toEqual(untouched);
	});
});
