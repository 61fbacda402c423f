import { describe, expect, it } from 'vitest';
import { testDb } from '$testing/fixtures';
import { connectionOf, statementsFor } from './prepared';

describe('prepared statements', () => {
	it('finds the connection behind a database and inside a transaction, and prepares once per connection', () => {
		const db = testDb();
		expect(connectionOf(db)).toBe(db.$client);
		db.transaction((tx) => {
			expect(connectionOf(tx)).toBe(db.$client);
			tx.transaction((nested) => expect(connectionOf(nested)).toBe(db.$client));
		});
		const first = statementsFor(db, 'one', (c) => c.prepare('select 1'));
		expect(statementsFor(db, 'one', (c) => c.prepare('select 2'))).toBe(first);
		expect(statementsFor(testDb(), 'one', (c) => c.prepare('select 1'))).not.toBe(first);
		expect(() => connectionOf({})).toThrow();
	});
});
