import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { loginAttempts, sessions } from '../db/schema';
import { addPersonOnTheirOwn, testDb } from '$testing/fixtures';
import { recordAccess } from '../audit/access-log';
import { DEFAULT_SURVEY_RETENTION_MONTHS } from '../surveys/store';
import { DEFAULT_ACCESS_LOG_DAYS, DEFAULT_SIGN_IN_ATTEMPT_DAYS, PURGE_BATCH, purgeExpired, retentionSettings } from './retention';
import { createSession, generateSessionToken, SESSION_LIFETIME, validateSessionToken } from './session';
import { checkThrottle, recordAttempt } from './throttle';
import { recordRequest } from './request-throttle';
import { issueToken, peekToken } from './tokens';

const DAY = 86_400_000;
const now = new Date('2026-11-27T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
/** The retention periods the tests purge with, unless one says otherwise. */
const POLICY = { signInAttemptDays: 90, accessLogDays: 730, surveyMonths: 36 };
/** What one purge reports: nothing deleted, but for the counts given. */
const purged = (counts: Partial<Awaited<ReturnType<typeof purgeExpired>>> = {}) => ({
	sessions: 0,
	signInAttempts: 0,
	accessLog: 0,
	accountLinks: 0,
	authRequests: 0,
	surveys: { answers: 0, marks: 0 },
	...counts
});

describe('purgeExpired', () => {
	let db: Db;
	let personId: number;
	beforeEach(() => {
		db = testDb();
		personId = addPersonOnTheirOwn(db).id;
	});

	it('deletes expired sessions and keeps live ones usable', () => {
		const live = generateSessionToken();
		createSession(db, live, personId, ago(SESSION_LIFETIME - DAY));
		createSession(db, generateSessionToken(), personId, ago(SESSION_LIFETIME + DAY));
		createSession(db, generateSessionToken(), personId, ago(SESSION_LIFETIME)); // expires exactly now

		expect(purgeExpired(db, POLICY, now)).toEqual(purged({ sessions: 2 }));
		expect(db.select().from(sessions).all()).toHaveLength(1);
		expect(validateSessionToken(db, live, now).user?.id).toBe(personId);
	});

	it('deletes sign-in attempts older than the retention period and keeps what throttling needs', () => {
		recordAttempt(db, 'a@example.test', '10.0.0.1', false, ago(91 * DAY));
		recordAttempt(db, 'a@example.test', '10.0.0.1', true, ago(89 * DAY));
		for (let i = 0; i < 5; i++) recordAttempt(db, 'b@example.test', '10.0.0.2', false, ago(60_000 * (i + 1)));

		expect(purgeExpired(db, POLICY, now)).toEqual(purged({ signInAttempts: 1 }));
		expect(db.select().from(loginAttempts).all()).toHaveLength(6);
		expect(checkThrottle(db, 'b@example.test', '10.0.0.2', now).allowed).toBe(false);
		expect(purgeExpired(db, { ...POLICY, signInAttemptDays: 1 }, now)).toEqual(purged({ signInAttempts: 1 }));
		expect(checkThrottle(db, 'b@example.test', '10.0.0.2', now).allowed).toBe(false);
	});

	it('deletes access log entries older than their retention period, and keeps newer ones', () => {
		recordAccess(db, { actorId: personId, action: 'record-view', subjectId: personId, at: ago(731 * DAY) });
		recordAccess(db, { actorId: personId, action: 'record-csv', subjectId: personId, at: ago(729 * DAY) });
		expect(purgeExpired(db, POLICY, now)).toEqual(purged({ accessLog: 1 }));
		expect(db.$client.prepare('select action from access_log').pluck().all()).toEqual(['record-csv']);
	});

	it('deletes emailed links that have run out and old reset and sign-on requests', () => {
		const live = issueToken(db, personId, 'reset', ago(30 * 60_000)).token;
		issueToken(db, personId, 'activation', ago(8 * DAY));
		recordRequest(db, 'password-reset', 'a@example.test', '10.0.0.1', ago(91 * DAY));
		recordRequest(db, 'sso-start', 'a@example.test', '10.0.0.1', ago(DAY));
		expect(purgeExpired(db, POLICY, now)).toEqual(purged({ accountLinks: 1, authRequests: 1 }));
		expect(peekToken(db, live, 'reset', now)?.personId).toBe(personId);
	});

	it('works through a backlog larger than one batch', () => {
		const insert = db.$client.prepare('insert into login_attempts (email, address, succeeded, at) values (?, ?, 0, ?)');
		db.$client.transaction(() => {
			for (let i = 0; i < PURGE_BATCH * 2 + 7; i++) insert.run(`p${i}@example.test`, '10.0.0.3', ago(200 * DAY).getTime());
			insert.run('recent@example.test', '10.0.0.3', ago(DAY).getTime());
		})();
		expect(purgeExpired(db, POLICY, now).signInAttempts).toBe(PURGE_BATCH * 2 + 7);
		expect(
			db
				.select()
				.from(loginAttempts)
				.all()
				.map((r) => r.email)
		).toEqual(['recent@example.test']);
	});
});

describe('retentionSettings', () => {
	it('defaults to 90 days and reads a whole number of days', () => {
		expect(retentionSettings({})).toEqual({
			signInAttemptDays: DEFAULT_SIGN_IN_ATTEMPT_DAYS,
			accessLogDays: DEFAULT_ACCESS_LOG_DAYS,
			surveyMonths: DEFAULT_SURVEY_RETENTION_MONTHS
		});
		expect(retentionSettings({ SURVEY_RETENTION_MONTHS: '24' }).surveyMonths).toBe(24);
		expect(() => retentionSettings({ SURVEY_RETENTION_MONTHS: '2y' })).toThrow(/SURVEY_RETENTION_MONTHS must be a whole number of months/);
		expect(DEFAULT_ACCESS_LOG_DAYS).toBe(730);
		expect(retentionSettings({ SIGN_IN_ATTEMPT_RETENTION_DAYS: '' })).toMatchObject({ signInAttemptDays: 90 });
		expect(retentionSettings({ SIGN_IN_ATTEMPT_RETENTION_DAYS: ' 365 ' })).toMatchObject({ signInAttemptDays: 365 });
		expect(retentionSettings({ ACCESS_LOG_RETENTION_DAYS: '400' }).accessLogDays).toBe(400);
		expect(() => retentionSettings({ ACCESS_LOG_RETENTION_DAYS: 'two years' })).toThrow(/ACCESS_LOG_RETENTION_DAYS must be a whole number of days/);
	});

	it.each(['0', '-5', '1.5', 'ninety', '1e3', '99999999999999999999'])('refuses %j with a message naming the setting', (value) => {
		expect(() => retentionSettings({ SIGN_IN_ATTEMPT_RETENTION_DAYS: value })).toThrow(/SIGN_IN_ATTEMPT_RETENTION_DAYS must be a whole number of days/);
	});
});
