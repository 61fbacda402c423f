// A sender killed with SIGKILL in the middle of a delivery, then started again: nothing is lost, and the one
// message that was in flight is the only one that may arrive twice, with the same Message-ID both times.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { reminderData } from '$testing/mail';
import { startTestSmtp, type TestSmtp } from '$testing/smtp';
import { openDb, type Db } from '../db';
import './catalogue';
import { queueMail } from './queue';

const CHILD = join(process.cwd(), 'tests/support/mail-sender-child.ts');
const LEASE_MS = 1500;
let dir: string;
let db: Db;
let smtp: TestSmtp;
const children: ChildProcess[] = [];

function startSender(path: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, smtp.url, String(LEASE_MS)], { stdio: ['pipe', 'pipe', 'inherit'] });
	children.push(child);
	return new Promise((resolve, reject) => {
		child.stdout!.on('data', (d: Buffer) => d.toString().includes('started') && resolve(child));
		child.on('exit', (code) => reject(new Error(`sender exited early (${code})`)));
	});
}

afterEach(async () => {
	for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
	await smtp?.close();
	db?.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

it('SIGKILL mid-send loses nothing; only the message in flight arrives twice, with the same Message-ID', async () => {
	dir = mkdtempSync(join(tmpdir(), 'academy-mail-crash-'));
	const path = join(dir, 'crash.db');
	db = openDb(path);
	const N = 30;
	db.transaction((tx) => {
		for (let i = 0; i < N; i++)
			queueMail(tx, {
				to: `person${i}@example.org`,
				template: 'refresher-reminder',
				kind: 'reminder',
				data: reminderData({ name: `Person ${i}`, summary: `Message ${i}` })
			});
	});
	// The relay takes the 12th message but does not answer: the sender is waiting on it when it is killed.
	smtp = await startTestSmtp((n) => (n === 12 ? 'hold' : null));
	const first = await startSender(path);
	const inFlight = await smtp.held;
	const exited = new Promise((resolve) => first.on('exit', (code, signal) => resolve(signal)));
	first.kill('SIGKILL');
	expect(await exited).toBe('SIGKILL');
	smtp.release();
	expect(smtp.received).toHaveLength(12);
	const stored = (messageId: string) =>
		db.$client.prepare('select status, attempts from mail_outbox where message_id = ?').get(messageId) as { status: string; attempts: number };
	expect(stored(inFlight.messageId!)).toEqual({ status: 'queued', attempts: 1 });

	// Started again: it waits for the dead sender's claim to run out, then sends the rest and the one in doubt.
	const second = await startSender(path);
	await expect
		.poll(() => db.$client.prepare("select count(*) from mail_outbox where status = 'sent'").pluck().get() as number, { timeout: 30_000, interval: 100 })
		.toBe(N);
	second.stdin!.end();
	await new Promise((resolve) => second.on('exit', resolve));

	const ids = smtp.received.map((m) => m.messageId!);
	const queued = db.$client.prepare('select message_id from mail_outbox').pluck().all() as string[];
	expect(new Set(ids)).toEqual(new Set(queued)); // nothing lost
	// The relay had the message in flight before the kill, so it has it twice: that one, and no other.
	const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
	expect(twice).toEqual([inFlight.messageId]);
	expect(ids).toHaveLength(N + 1);
	expect(stored(inFlight.messageId!)).toEqual({ status: 'sent', attempts: 2 });
});
