import { describe, expect, it } from 'vitest';
import { testDb } from '$testing/fixtures';
import { DEMO_MAILBOX_PAGE_SIZE, listDemoMail, storeReceivedMail } from './demo-mailbox';

const mail = (to: string, subject: string) => ({
	envelopeFrom: 'academy@demo.test',
	envelopeTo: [to],
	messageId: null,
	subject,
	textBody: 'Hello',
	headers: [] as [string, string][],
	size: 10,
	receivedAt: new Date('2026-12-01T09:00:00Z')
});

describe('listDemoMail', () => {
	it('pages newest first and keeps only messages to an address containing what was asked, whatever its case', () => {
		const db = testDb();
		for (let i = 0; i < DEMO_MAILBOX_PAGE_SIZE + 3; i++) storeReceivedMail(db, mail(`person${i}@demo.test`, `Message ${i}`));
		storeReceivedMail(db, mail('custody@demo.test', 'Your refresher'));

		const first = listDemoMail(db, 1);
		expect(first.total).toBe(DEMO_MAILBOX_PAGE_SIZE + 4);
		expect(first.rows[0].subject).toBe('Your refresher');
		expect(first.pages).toBe(2);

		const filtered = listDemoMail(db, 1, 'CUSTODY@demo');
		expect(filtered.rows.map((r) => r.subject)).toEqual(['Your refresher']);
		expect(filtered.total).toBe(1);
		// LIKE wildcards typed are not wildcards.
		expect(listDemoMail(db, 1, '%').total).toBe(DEMO_MAILBOX_PAGE_SIZE + 4);
		expect(listDemoMail(db, 1, 'nobody_here').total).toBe(0);
	});
});
