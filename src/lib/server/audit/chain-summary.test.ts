import { describe, expect, it } from 'vitest';
import { chainSummary } from './chain-summary';

const checkedAt = new Date(Date.UTC(2026, 5, 1, 9));

describe('the chain status as the audit page words it', () => {
	it('says what was verified, and lists what the check cannot show', () => {
		const summary = chainSummary({
			ok: true,
			entries: 120,
			keyedFrom: 101,
			keyIds: ['aaaaaaaaaaaaaaaa'],
			evidenceRows: 1,
			checkpoints: { matched: 3, newest: { at: checkedAt, lastId: 118 } },
			checkedAt,
			checkpointFile: '/var/lib/academy/academy.db.audit-checkpoints'
		});
		expect(summary).toMatchObject({
			ok: true,
			checkedAt: '1 Jun 2026, 10:00:00',
			entries: 120,
			keyed: expect.stringMatching(/^Entries from #101 on are signed .* The 100 entries written before the key was introduced are sealed by entry #101/),
			evidence: '1 evidence record matches the audit entry that recorded it, every evidence record has one, and every one recorded is there.',
			checkpoints:
				'The log reaches and matches every checkpoint in /var/lib/academy/academy.db.audit-checkpoints (3 checkpoints); the newest, of 1 Jun 2026, 10:00:00, is at entry #118.'
		});
		if (!summary.ok) throw new Error('expected ok');
		expect(summary.limits).toContain('Changes by someone who holds the audit key as well as the database.');
		expect(summary.limits.at(-1)).toBe('Changes made to entries #1 to #100 before the key was introduced.');
	});

	it('says when there are no checkpoints to compare with', () => {
		const summary = chainSummary({ ok: true, entries: 1, keyedFrom: 1, keyIds: ['a'], evidenceRows: 0, checkpoints: null, checkedAt, checkpointFile: null });
		expect(summary).toMatchObject({ checkpoints: 'There is no checkpoint file yet, so deleting the newest entries would not show here.' });
	});

	it('names the entry where a problem shows, or just the problem, and tells a missing key from tampering', () => {
		expect(
			chainSummary({
				ok: false,
				entries: 5,
				brokenAt: 5,
				at: checkedAt,
				action: 'role-grant',
				reason: 'contents do not match the stored HMAC',
				checkedAt,
				checkpointFile: null
			})
		).toEqual({
			ok: false,
			checkedAt: '1 Jun 2026, 10:00:00',
			unverifiable: false,
			entry: { id: 5, when: '1 Jun 2026, 10:00:00', day: '2026-06-01', action: 'role-grant' },
			reason: 'contents do not match the stored HMAC'
		});
		expect(
			chainSummary({ ok: false, entries: 0, brokenAt: null, at: null, action: null, reason: 'x', unverifiable: true, checkedAt, checkpointFile: null })
		).toMatchObject({ entry: null, unverifiable: true });
	});
});
