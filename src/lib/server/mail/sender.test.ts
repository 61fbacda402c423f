// The sender against a real SMTP server on 127.0.0.1 (tests/support/smtp.ts): delivery, retries, refusals, restarts
// and two senders sharing one database file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { reminderData } from '$testing/mail';
import { startTestSmtp, type TestSmtp } from '$testing/smtp';
import { recordEvidence } from '../competency/ledger';
import { openDb, type Db } from '../db';
import './catalogue';
import { claimNext } from './outbox';
import { listOutbox } from './outbox-browse';
import { queueMail } from './queue';
import { planReminders } from './reminders';
import { MailSender } from './sender';
import { createTransport } from './transport';

const framework = testFramework();
const TODAY = '2026-06-15';
const FROM = 'Crisis Care Academy <academy@example.org>';

let dir: string;
let path: string;
let db: Db;
let smtp: TestSmtp;
const senders: MailSender[] = [];
const others: Db[] = [];

function sender(on: Db = db, options: Partial<ConstructorParameters<typeof MailSender>[0]> = {}) {
	const s = new MailSender({ db: on, transport: createTransport(smtp.url), from: FROM, ratePerMinute: 100_000, retryDelays: [0, 0], pollMs: 20, ...options });
	senders.push(s);
	return s;
}
async function drain(s: MailSender) {
	const results: string[] = [];
	for (let r = await s.sendNext(); r !== 'none'; r = await s.sendNext()) results.push(r);
	return results;
}
const status = () =>
	db.$client.prepare('select status, attempts, last_reply as lastReply from mail_outbox order by id').all() as {
		status: string;
		attempts: number;
		lastReply: string;
	}[];

function personDueSoon(name = 'Ann Example') {
	const org = addOrganisation(db, `Police ${Math.random()}`, 'police');
	const unit = addUnit(db, org.id, 'BCU');
	const p = addPerson(db, unit, { jobRole: 'call-handler', name });
	recordEvidence(db, framework, {
		personId: p.id,
		source: { module: 'staff-wellbeing' },
		version: '1',
		occurredOn: '2024-07-15',
		recordedBy: p.id,
		at: new Date('2024-07-15T10:00:00Z')
	});
	return p;
}
function queueTo(address: string, n: number) {
	return db.transaction((tx) =>
		Array.from({ length: n }, (_, i) =>
			queueMail(tx, {
				to: address,
				template: 'refresher-reminder',
				kind: 'reminder',
				data: reminderData({ name: `Person ${i}`, summary: `Message ${i}` })
			})!
		)
	);
}

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'academy-mail-'));
	path = join(dir, 'mail.db');
	db = openDb(path);
	smtp = await startTestSmtp();
});

afterEach(async () => {
	for (const s of senders.splice(0)) await s.stop();
	await smtp.close();
	for (const d of [db, ...others.splice(0)]) d.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('the mail sender, over SMTP', () => {
	it('delivers a reminder once, as multipart text and HTML with a stable Message-ID; re-running the planner or restarting sends nothing new', async () => {
		const p = personDueSoon();
		planReminders(db, framework, { today: TODAY, origin: 'https://academy.example.org' });
		expect(await drain(sender())).toEqual(['sent']);
		expect(smtp.received).toHaveLength(1);
		const [mail] = smtp.received;
		expect(mail.to).toEqual([p.email]);
		expect(mail.from).toBe('academy@example.org');
		expect(mail.subject).toBe('Your “Record, debrief and learn after an incident” training is due for a refresher');
		expect(mail.text).toContain('Hello Ann Example,');
		expect(mail.text).toContain('Open My training (https://academy.example.org/training)');
		expect(mail.html).toContain('<a href="https://academy.example.org/training">Open My training</a>');
		expect(mail.html).toContain('<html lang="en-GB">');
		expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
		const stored = db.$client.prepare('select message_id as messageId, status, last_reply as lastReply from mail_outbox').get() as {
			messageId: string;
			status: string;
			lastReply: string;
		};
		expect(mail.messageId).toBe(stored.messageId);
		expect(stored).toMatchObject({ status: 'sent', lastReply: expect.stringMatching(/^250/) });

		// The planner again, the same day and the next; then a restart: a new connection and a new sender.
		planReminders(db, framework, { today: TODAY, origin: 'https://academy.example.org' });
		planReminders(db, framework, { today: '2026-06-16', origin: 'https://academy.example.org' });
		db.$client.close();
		db = openDb(path);
		planReminders(db, framework, { today: TODAY, origin: 'https://academy.example.org' });
		expect(await drain(sender(db))).toEqual([]);
		expect(smtp.received).toHaveLength(1);
	});

	it('removes a single-use link from the stored message once it is sent or has failed for good; the mail itself has it', async () => {
		const link = (token: string) => `https://academy.example.org/reset-password/${token}`;
		const queue = (to: string, token: string) =>
			queueMail(db, {
				to,
				template: 'password-reset',
				kind: 'account',
				data: { name: 'Ann', resetUrl: link(token), forgotUrl: 'https://academy.example.org/forgot-password', minutes: '60' }
			})!;
		queue('ann@example.org', 'a'.repeat(32));
		queue('bounce@example.org', 'b'.repeat(32));
		smtp.answer = (_n, m) => (m.to.includes('bounce@example.org') ? { code: 550, message: 'No such user' } : null);
		expect(await drain(sender())).toEqual(['sent', 'failed']);
		expect(smtp.received.find((m) => m.to.includes('ann@example.org'))!.text).toContain(`Choose a new password (${link('a'.repeat(32))})`);
		const stored = db.$client.prepare('select status, data from mail_outbox order by id').all() as { status: string; data: string }[];
		expect(stored.map((r) => [r.status, JSON.parse(r.data).resetUrl])).toEqual([
			['sent', 'https://academy.example.org/forgot-password'],
			['failed', 'https://academy.example.org/forgot-password']
		]);
		for (const r of stored) expect(r.data).not.toMatch(/[ab]{32}/);
	});

	it('retries a message the relay answers 451, and delivers it', async () => {
		smtp.answer = (n) => (n === 1 ? { code: 451, message: '4.3.0 Try again later' } : null);
		queueTo('officer@example.org', 1);
		const s = sender();
		expect(await s.sendNext()).toBe('retry');
		expect(status()[0]).toMatchObject({ status: 'queued', attempts: 1, lastReply: expect.stringContaining('451') });
		expect(await s.sendNext()).toBe('sent');
		expect(status()[0]).toMatchObject({ status: 'sent', attempts: 2 });
		expect(smtp.received.map((m) => m.to)).toEqual([['officer@example.org']]);
	});

	it('gives up after the last retry, keeping the relay’s answer', async () => {
		smtp.answer = () => ({ code: 421, message: '4.7.0 Too busy' });
		queueTo('busy@example.org', 1);
		const s = sender(db, { retryDelays: [0] });
		expect(await s.sendNext()).toBe('retry');
		expect(await s.sendNext()).toBe('failed');
		expect(status()[0]).toMatchObject({ status: 'failed', attempts: 2, lastReply: expect.stringContaining('421') });
	});

	it('does not retry a message the relay refuses with 550: it is failed, with the reply, in the outbox listing', async () => {
		smtp.answer = (n, m) => (m.to[0] === 'nobody@example.org' ? { code: 550, message: '5.1.1 No such user' } : null);
		queueTo('nobody@example.org', 1);
		queueTo('somebody@example.org', 1);
		expect(await drain(sender())).toEqual(['failed', 'sent']);
		const failed = listOutbox(db, { status: 'failed' });
		expect(failed.total).toBe(1);
		expect(failed.rows[0]).toMatchObject({
			toAddress: 'nobody@example.org',
			status: 'failed',
			attempts: 1,
			lastReply: expect.stringMatching(/550.*No such user/)
		});
		expect(listOutbox(db, { status: 'sent' }).rows.map((r) => r.toAddress)).toEqual(['somebody@example.org']);
		expect(listOutbox(db, { to: 'NOBODY' }).total).toBe(1);
	});

	it('retries when the relay cannot be reached', async () => {
		queueTo('officer@example.org', 1);
		const closed = await startTestSmtp();
		const url = closed.url;
		await closed.close();
		const s = new MailSender({ db, transport: createTransport(url), from: FROM, ratePerMinute: 1000, retryDelays: [60_000] });
		senders.push(s);
		expect(await s.sendNext()).toBe('retry');
		expect(status()[0]).toMatchObject({ status: 'queued', lastReply: expect.stringMatching(/ECONNREFUSED|ECONNECTION/) });
		// Not due again for a minute.
		expect(await s.sendNext()).toBe('none');
	});

	it('two senders on one database file never take the same message', async () => {
		queueTo('many@example.org', 40);
		const second = openDb(path);
		others.push(second);
		const a = sender(db, { id: 'a' }).start();
		const b = sender(second, { id: 'b' }).start();
		await expect.poll(() => db.$client.prepare("select count(*) from mail_outbox where status = 'sent'").pluck().get() as number, { timeout: 20_000 }).toBe(40);
		await a.stop();
		await b.stop();
		const ids = smtp.received.map((m) => m.messageId);
		expect(ids).toHaveLength(40);
		expect(new Set(ids).size).toBe(40);
		expect(db.$client.prepare('select count(*) from mail_outbox where attempts <> 1').pluck().get()).toBe(0);
		// Both took a share.
		expect(db.$client.prepare('select distinct claimed_by from mail_outbox order by 1').pluck().all() as string[]).toEqual(['a', 'b']);
	});

	it('a claim is exclusive until it runs out, then another sender may take the message', () => {
		const [first, second] = queueTo('x@example.org', 2);
		const other = openDb(path);
		others.push(other);
		const now = new Date();
		const until = new Date(now.getTime() + 60_000);
		expect(claimNext(db, 'a', now, until)?.id).toBe(first.id);
		expect(claimNext(other, 'b', now, until)?.id).toBe(second.id);
		expect(claimNext(db, 'a', now, until)).toBeNull();
		expect(claimNext(other, 'b', now, until)).toBeNull();
		// 'a' died holding the first: once its claim has run out, 'b' takes it, as its second attempt.
		const later = new Date(until.getTime() + 1);
		expect(claimNext(other, 'b', later, new Date(later.getTime() + 60_000))).toMatchObject({ id: first.id, attempts: 2 });
	});
});
