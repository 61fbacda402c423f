import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { people } from '../db/schema';
import { eq } from 'drizzle-orm';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { hashPassword } from './password';
import { INVALID_CREDENTIALS, signIn } from './sign-in';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, checkThrottle, MAX_DELAY_MS, recordAttempt, slowDown, WINDOW_MS } from './throttle';
import type { Db } from '../db';

let hash: string;
beforeAll(async () => {
	hash = await hashPassword('correct horse battery');
});

describe('sign-in', () => {
	let db: Db;
	const now = new Date('2026-03-03T10:00:00Z');
	const at = (minutes: number) => new Date(now.getTime() + minutes * 60000);
	const waits: number[] = [];
	const wait = async (ms: number) => void waits.push(ms);
	beforeEach(() => {
		waits.length = 0;
		db = testDb();
		const unit = addUnit(db, addOrganisation(db).id);
		addPerson(db, unit, { email: 'pc@example.test', passwordHash: hash });
		addPerson(db, unit, { email: 'other@example.test', passwordHash: hash });
	});
	const attempt = (email: string, password: string, minutes = 0, address = '10.0.0.1') => signIn(db, { email, password, address, now: at(minutes), wait });

	it('accepts the right password, whatever the email case', async () => {
		expect(await attempt('PC@Example.test ', 'correct horse battery')).toMatchObject({ ok: true });
	});

	it('gives the same message for an unknown email and a wrong password', async () => {
		const wrong = await attempt('pc@example.test', 'nope');
		const unknown = await attempt('nobody@example.test', 'nope');
		expect(wrong).toEqual({ ok: false, message: INVALID_CREDENTIALS, throttled: false });
		expect(unknown).toEqual(wrong);
	});

	it('refuses someone marked as left', async () => {
		db.update(people).set({ status: 'left' }).where(eq(people.email, 'pc@example.test')).run();
		expect(await attempt('pc@example.test', 'correct horse battery')).toMatchObject({ ok: false, throttled: false });
	});

	it('pauses an account from one address after 5 failures in 15 minutes, with a message that says so, even for the right password', async () => {
		for (let i = 0; i < ACCOUNT_LIMIT; i++) expect((await attempt('pc@example.test', 'wrong', i)).ok).toBe(false);
		const locked = await attempt('pc@example.test', 'correct horse battery', 5);
		expect(locked.ok).toBe(false);
		if (!locked.ok) {
			expect(locked.throttled).toBe(true);
			expect(locked.message).toMatch(/too many failed sign-in attempts for this account.*try again in 10 minutes/i);
		}
		// other accounts from the same address are not slowed down
		expect((await attempt('other@example.test', 'correct horse battery', 5)).ok).toBe(true);
		// once the first failure leaves the window the account works again
		expect((await attempt('pc@example.test', 'correct horse battery', 15.1)).ok).toBe(true);
	});

	it('does not extend the cooling-off while refused attempts continue', async () => {
		for (let i = 0; i < ACCOUNT_LIMIT; i++) await attempt('pc@example.test', 'wrong', 0);
		for (let i = 1; i < 15; i++) expect((await attempt('pc@example.test', 'wrong', i)).ok).toBe(false);
		expect((await attempt('pc@example.test', 'correct horse battery', 15.01)).ok).toBe(true);
	});

	it('refuses an address after 100 failures in 15 minutes, but not at 99', async () => {
		for (let i = 0; i < ADDRESS_LIMIT - 1; i++) recordAttempt(db, `user${i}@example.test`, '10.9.9.9', false, at(0));
		expect((await attempt('pc@example.test', 'correct horse battery', 1, '10.9.9.9')).ok).toBe(true);
		recordAttempt(db, 'userx@example.test', '10.9.9.9', false, at(1));
		const refused = await attempt('other@example.test', 'correct horse battery', 2, '10.9.9.9');
		expect(refused).toMatchObject({ ok: false, throttled: true });
		if (!refused.ok) expect(refused.message).toMatch(/from your network/);
		// another address is unaffected
		expect((await attempt('other@example.test', 'correct horse battery', 2, '10.0.0.2')).ok).toBe(true);
		expect(WINDOW_MS).toBe(15 * 60000);
	});

	it('does not let failures from one address lock the owner out at another', async () => {
		for (let i = 0; i < 20; i++) await attempt('pc@example.test', 'wrong', i * 0.1, '203.0.113.66');
		expect(await attempt('pc@example.test', 'correct horse battery', 3, '203.0.113.66')).toMatchObject({ ok: false, throttled: true });
		expect(await attempt('pc@example.test', 'correct horse battery', 3, '10.0.0.1')).toMatchObject({ ok: true });
		// The attacker's address stays paused for this account after the owner's success elsewhere.
		expect(await attempt('pc@example.test', 'correct horse battery', 4, '203.0.113.66')).toMatchObject({ ok: false, throttled: true });
	});

	it('slows down, never refuses, an account failing from many addresses, and a success ends the slow-down', async () => {
		for (let i = 0; i < 12; i++) await attempt('pc@example.test', 'wrong', 0, `198.51.100.${i}`);
		// Each address stayed under its own limit; past five failures in all, each attempt was held back, doubling.
		expect(waits).toEqual([1000, 2000, 4000, 8000, 8000, 8000, 8000]);
		waits.length = 0;
		expect(await attempt('pc@example.test', 'correct horse battery', 1, '10.0.0.1')).toMatchObject({ ok: true });
		expect(waits).toEqual([MAX_DELAY_MS]);
		expect(checkThrottle(db, 'pc@example.test', '10.0.0.1', at(2))).toEqual({ allowed: true, delayMs: 0 });
	});

	it('counts failures for the pair and the account separately', () => {
		for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) recordAttempt(db, 'pc@example.test', '10.0.0.7', false, at(0));
		recordAttempt(db, 'pc@example.test', '10.0.0.8', false, at(0));
		expect(checkThrottle(db, 'pc@example.test', '10.0.0.7', at(1))).toEqual({ allowed: true, delayMs: 1000 });
		recordAttempt(db, 'pc@example.test', '10.0.0.7', false, at(1));
		expect(checkThrottle(db, 'pc@example.test', '10.0.0.7', at(1))).toMatchObject({ allowed: false, scope: 'account' });
		expect(checkThrottle(db, 'pc@example.test', '10.0.0.8', at(1))).toEqual({ allowed: true, delayMs: 2000 });
		expect([slowDown(4), slowDown(5), slowDown(6), slowDown(50)]).toEqual([0, 1000, 2000, MAX_DELAY_MS]);
	});
});
