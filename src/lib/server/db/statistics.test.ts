import { describe, expect, it } from 'vitest';
import { appendAudit } from '../audit/log';
import { testDb } from '$testing/fixtures';
import { refreshStatistics } from './statistics';

const rowsEstimate = (db: ReturnType<typeof testDb>, index: string) =>
	Number(String(db.$client.prepare('select stat from sqlite_stat1 where idx = ?').pluck().get(index) ?? '0').split(' ')[0]);

describe('refreshStatistics', () => {
	it('brings statistics gathered while a table was small up to date once it has grown', () => {
		const db = testDb();
		appendAudit(db, { actorId: 1, action: 'first', entity: 'thing' });
		db.$client.exec('analyze');
		expect(rowsEstimate(db, 'audit_log_at')).toBe(1);
		db.$client.transaction(() => {
			for (let i = 0; i < 3000; i++) appendAudit(db, { actorId: 1, action: 'next', entity: 'thing', entityId: i });
		})();
		refreshStatistics(db, { allTables: true });
		expect(rowsEstimate(db, 'audit_log_at')).toBeGreaterThan(1000);
	});

	it('runs on a new, empty database', () => {
		expect(() => refreshStatistics(testDb(), { allTables: true })).not.toThrow();
		expect(() => refreshStatistics(testDb(), { allTables: false })).not.toThrow();
	});
});
