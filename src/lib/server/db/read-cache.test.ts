import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '.';
import { addOrganisation, testDb } from '$testing/fixtures';
import { cachedRead } from './read-cache';

const folder = mkdtempSync(join(tmpdir(), 'read-cache-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('cachedRead', () => {
	it('answers from the cache until this connection writes anything', () => {
		const db = testDb();
		let computed = 0;
		const count = () => cachedRead(db, 'organisations', () => (computed++, db.$client.prepare('select count(*) as n from organisations').get()));
		expect(count()).toEqual({ n: 0 });
		expect(count()).toEqual({ n: 0 });
		expect(computed).toBe(1);
		addOrganisation(db);
		expect(count()).toEqual({ n: 1 });
		expect(computed).toBe(2);
	});

	it('notices a commit by another connection', () => {
		const path = join(folder, 'two.db');
		const reader = openDb(path);
		const writer = openDb(path);
		const count = () => cachedRead(reader, 'organisations', () => reader.$client.prepare('select count(*) as n from organisations').get());
		expect(count()).toEqual({ n: 0 });
		addOrganisation(writer);
		expect(count()).toEqual({ n: 1 });
	});

	it('never caches inside a transaction, whose writes may be rolled back', () => {
		const db = testDb();
		let computed = 0;
		db.$client.transaction(() => {
			cachedRead(db, 'x', () => computed++);
			cachedRead(db, 'x', () => computed++);
		})();
		expect(computed).toBe(2);
	});
});
