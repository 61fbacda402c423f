import { beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addPersonOnTheirOwn, addUnit, testDb } from '$testing/fixtures';
import { hashPassword } from '../auth/password';
import { signIn } from '../auth/sign-in';
import type { Db } from '../db';
import { runInRequestContext } from '../ops/request-context';
import { ACCESS_PAGE_SIZE, accessActionLabel, browseAccessLog, recordAccess } from './access-log';

describe('the access log', () => {
	let db: Db;
	let manager: { id: number };
	let learner: { id: number };
	beforeEach(() => {
		db = testDb();
		const unit = addUnit(db, addOrganisation(db).id);
		manager = addPerson(db, unit, { name: 'Mina Manager', email: 'mina@example.test' });
		learner = addPerson(db, unit, { name: 'Lee Learner', email: 'lee@example.test', workforceId: 'MPS-777' });
	});

	it('records who read whose record, with the request, and shows it newest first with both names', () => {
		runInRequestContext({ requestId: 'req-1' }, () =>
			recordAccess(db, {
				actorId: manager.id,
				action: 'record-csv',
				subjectId: learner.id,
				detail: { asAt: '2026-01-01' },
				at: new Date('2026-03-01T10:00:00Z')
			})
		);
		recordAccess(db, { actorId: manager.id, action: 'export-matrix-csv', detail: { rows: 12 }, at: new Date('2026-03-02T10:00:00Z') });
		const { rows, total } = browseAccessLog(db, {});
		expect(total).toBe(2);
		expect(rows.map((r) => r.action)).toEqual(['export-matrix-csv', 'record-csv']);
		expect(rows[1]).toMatchObject({ actorName: 'Mina Manager', subjectId: learner.id, subjectName: 'Lee Learner' });
		expect(JSON.parse(rows[1].detail)).toEqual({ asAt: '2026-01-01', requestId: 'req-1' });
		expect(accessActionLabel('record-csv')).toBe("Downloaded a person's record as CSV");
		// Reads do not touch the signed chain.
		expect(db.$client.prepare('select count(*) from audit_log').pluck().get()).toBe(0);
	});

	it('filters by what, who, whose record (name, email, workforce id or id) and London days', () => {
		const at = (iso: string) => new Date(iso);
		recordAccess(db, { actorId: manager.id, action: 'record-view', subjectId: learner.id, at: at('2026-06-30T23:30:00Z') }); // 00:30 on 1 July in London
		recordAccess(db, { actorId: learner.id, action: 'record-view', subjectId: manager.id, at: at('2026-06-30T12:00:00Z') });
		recordAccess(db, { actorId: manager.id, action: 'record-json', subjectId: learner.id, at: at('2026-07-02T12:00:00Z') });
		const ids = (filter: Parameters<typeof browseAccessLog>[1]) => browseAccessLog(db, filter).rows.map((r) => r.id);
		expect(ids({ action: 'record-view' })).toEqual([1, 2]);
		expect(ids({ actor: 'mina' })).toEqual([3, 1]);
		expect(ids({ subject: 'MPS-777' })).toEqual([3, 1]);
		expect(ids({ subject: String(manager.id) })).toEqual([2]);
		expect(ids({ subject: '100%' })).toEqual([]);
		expect(ids({ from: '2026-07-01', to: '2026-07-01' })).toEqual([1]);
	});

	it('pages, and a page past the end shows the last', () => {
		for (let i = 0; i < ACCESS_PAGE_SIZE + 3; i++) recordAccess(db, { actorId: manager.id, action: 'record-view', subjectId: learner.id });
		expect(browseAccessLog(db, { page: 9 })).toMatchObject({ page: 2, pages: 2, total: ACCESS_PAGE_SIZE + 3 });
		expect(browseAccessLog(db, { page: 9 }).rows).toHaveLength(3);
	});

	it('records a sign-in the throttle refused, with no one signed in, without touching the signed chain', async () => {
		const hash = await hashPassword('correct horse battery');
		addPersonOnTheirOwn(db, { email: 'pc@example.test', passwordHash: hash });
		const now = new Date('2026-03-03T10:00:00Z');
		let throttled = false;
		for (let i = 0; i < 200 && !throttled; i++) {
			const result = await signIn(db, { email: 'pc@example.test', password: 'wrong', address: '10.0.0.9', now });
			throttled = !result.ok && result.throttled;
		}
		expect(throttled).toBe(true);
		const refused = browseAccessLog(db, { action: 'sign-in-throttled' }).rows;
		expect(refused.length).toBeGreaterThan(0);
		expect(refused[0]).toMatchObject({ actorId: null, subjectId: null });
		expect(JSON.parse(refused[0].detail)).toMatchObject({ email: 'pc@example.test', address: '10.0.0.9' });
	});
});
