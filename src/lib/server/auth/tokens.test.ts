import { beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import type { Db } from '../db';
import { accountTokens } from '../db/schema';
import { consumeToken, generateAccountToken, issueToken, peekToken, revokeTokens, TOKEN_LIFETIME_MS, TOKEN_PATTERN, tokenId } from './tokens';

const now = new Date('2026-11-27T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('emailed single-use links', () => {
	let db: Db;
	let personId: number;
	let otherId: number;
	beforeEach(() => {
		db = testDb();
		const unit = addUnit(db, addOrganisation(db).id);
		personId = addPerson(db, unit).id;
		otherId = addPerson(db, unit).id;
	});

	it('are 160 random bits, and only their SHA-256 is stored', () => {
		const tokens = new Set(Array.from({ length: 200 }, generateAccountToken));
		expect(tokens.size).toBe(200);
		for (const t of tokens) expect(t).toMatch(TOKEN_PATTERN);
		const { token, expiresAt } = issueToken(db, personId, 'reset', now);
		const rows = db.select().from(accountTokens).all();
		expect(rows).toEqual([{ id: tokenId(token), personId, purpose: 'reset', expiresAt, createdAt: now }]);
		expect(rows[0].id).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(rows)).not.toContain(token);
	});

	it('work once: using one deletes every link of the person, and a second use finds nothing', () => {
		const { token } = issueToken(db, personId, 'reset', now);
		const activation = issueToken(db, personId, 'activation', now).token;
		const others = issueToken(db, otherId, 'reset', now).token;
		expect(consumeToken(db, token, 'reset', later(1000))).toEqual({ personId });
		expect(consumeToken(db, token, 'reset', later(2000))).toBeUndefined();
		expect(peekToken(db, activation, 'activation', later(2000))).toBeUndefined();
		expect(peekToken(db, others, 'reset', later(2000))).toEqual({ personId: otherId });
	});

	it('expire: a reset link after an hour, an activation link after 7 days', () => {
		const reset = issueToken(db, personId, 'reset', now).token;
		const activation = issueToken(db, otherId, 'activation', now).token;
		expect(TOKEN_LIFETIME_MS).toEqual({ reset: 3_600_000, activation: 7 * 86_400_000 });
		expect(peekToken(db, reset, 'reset', later(3_600_000 - 1))).toEqual({ personId });
		expect(consumeToken(db, reset, 'reset', later(3_600_000))).toBeUndefined();
		expect(peekToken(db, activation, 'activation', later(7 * 86_400_000 - 1))).toEqual({ personId: otherId });
		expect(consumeToken(db, activation, 'activation', later(7 * 86_400_000))).toBeUndefined();
	});

	it('are bound to their purpose: an activation link is no reset link, nor the other way round', () => {
		const activation = issueToken(db, personId, 'activation', now).token;
		const reset = issueToken(db, otherId, 'reset', now).token;
		expect(consumeToken(db, activation, 'reset', now)).toBeUndefined();
		expect(consumeToken(db, reset, 'activation', now)).toBeUndefined();
		// Tried with the wrong purpose, neither was used up.
		expect(consumeToken(db, activation, 'activation', now)).toEqual({ personId });
		expect(consumeToken(db, reset, 'reset', now)).toEqual({ personId: otherId });
	});

	it('are replaced by a newer one for the same purpose, and the other purpose is left alone', () => {
		const first = issueToken(db, personId, 'activation', now).token;
		const reset = issueToken(db, personId, 'reset', now).token;
		const second = issueToken(db, personId, 'activation', later(1000)).token;
		expect(peekToken(db, first, 'activation', later(2000))).toBeUndefined();
		expect(peekToken(db, second, 'activation', later(2000))).toEqual({ personId });
		expect(peekToken(db, reset, 'reset', later(2000))).toEqual({ personId });
	});

	it('refuse anything not shaped like a token before looking it up, and can all be revoked', () => {
		const { token } = issueToken(db, personId, 'reset', now);
		for (const bad of ['', token.toUpperCase(), `${token}a`, token.slice(1), tokenId(token), "x' or 1=1 --"])
			expect(peekToken(db, bad, 'reset', now)).toBeUndefined();
		revokeTokens(db, personId);
		expect(peekToken(db, token, 'reset', now)).toBeUndefined();
	});
});
