import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { testDb } from '$testing/fixtures';
import { MIGRATIONS_FOLDER, openDb } from '../db';
import { databaseCheck, migrationsCheck } from './database-checks';
import { heartbeatStatus } from './heartbeat';
import { logger } from './logger';
import { checkReadiness, registerReadinessCheck } from './readiness';

const folder = mkdtempSync(join(tmpdir(), 'readiness-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const removers: (() => void)[] = [];
const register = (...args: Parameters<typeof registerReadinessCheck>) => removers.push(registerReadinessCheck(...args));
afterEach(() => {
	removers.splice(0).forEach((remove) => remove());
	vi.restoreAllMocks();
});

describe('/readyz checks', () => {
	it('is ready when the database answers and every migration is applied', async () => {
		vi.spyOn(logger, 'info').mockImplementation(() => undefined);
		const db = testDb();
		register(
			'database',
			databaseCheck(() => db)
		);
		register(
			'migrations',
			migrationsCheck(() => db, MIGRATIONS_FOLDER)
		);
		const report = await checkReadiness();
		expect(report.status).toBe('ready');
		expect(report.checks.database).toEqual({ ok: true, detail: 'answers' });
		expect(report.checks.migrations).toMatchObject({ ok: true, detail: expect.stringMatching(/^all \d+ applied$/) });
	});

	it('is not ready when the database cannot be opened, and says so without a file path', async () => {
		const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
		const notADatabase = join(folder, 'garbage.db');
		writeFileSync(notADatabase, 'this is not an SQLite database file, just text that fills the header page'.repeat(20));
		const open = () => openDb(notADatabase);
		register('database', databaseCheck(open));
		register('migrations', migrationsCheck(open, MIGRATIONS_FOLDER));
		const report = await checkReadiness();
		expect(report.status).toBe('not ready');
		expect(report.checks.database).toEqual({ ok: false, detail: 'failed (SQLITE_NOTADB)' });
		expect(report.checks.migrations.ok).toBe(false);
		expect(JSON.stringify(report)).not.toContain(folder);
		expect(warn).toHaveBeenCalledWith(expect.objectContaining({ readiness: 'not ready', failing: ['database', 'migrations'] }), 'not ready');
	});

	it('is not ready when the database is behind the migrations on disk', async () => {
		vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
		const db = testDb();
		db.$client.prepare('delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)').run();
		register(
			'migrations',
			migrationsCheck(() => db, MIGRATIONS_FOLDER)
		);
		const report = await checkReadiness();
		expect(report.status).toBe('not ready');
		expect(report.checks.migrations).toMatchObject({
			ok: false,
			detail: expect.stringMatching(/the newest is missing/)
		});
	});

	it('takes checks other areas register, waits for async ones, and fails one that never answers', async () => {
		vi.useFakeTimers();
		try {
			vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
			register('mail-sender', async () => ({ ok: true, detail: 'sending' }));
			register('stuck', () => new Promise(() => undefined));
			const pending = checkReadiness();
			await vi.advanceTimersByTimeAsync(2_000);
			const report = await pending;
			expect(report.checks['mail-sender']).toEqual({ ok: true, detail: 'sending' });
			expect(report.checks.stuck).toEqual({ ok: false, detail: 'no answer within 2 s' });
			expect(report.status).toBe('not ready');
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('heartbeatStatus', () => {
	const MIN = 60_000;
	it('passes while beats come within the interval given', () => {
		expect(heartbeatStatus(1_000 * MIN, 0, 30 * MIN, 1_010 * MIN)).toEqual({ ok: true, detail: 'last ran 600 s ago' });
	});
	it('fails when the last beat is too old', () => {
		expect(heartbeatStatus(1_000 * MIN, 0, 30 * MIN, 1_031 * MIN)).toMatchObject({
			ok: false,
			detail: 'last ran 1860 s ago, more than 1800 s'
		});
	});
	it('gives a task that has not run yet the interval to start, then fails it', () => {
		expect(heartbeatStatus(undefined, 0, 30 * MIN, 5 * MIN).ok).toBe(true);
		expect(heartbeatStatus(undefined, 0, 30 * MIN, 31 * MIN)).toMatchObject({
			ok: false,
			detail: 'has not run in the 1860 s since start'
		});
	});
});
