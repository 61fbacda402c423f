import { purgeAccessLog } from '../audit/access-log';
import { DEFAULT_SURVEY_RETENTION_MONTHS, firstKeptMonth, purgeSurveyAnswers } from '../surveys/store';
import type { Db } from '../db';
import { WINDOW_MS } from './throttle';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows deleted per transaction, so that a first purge of a large backlog never holds the write lock for long. */
export const PURGE_BATCH = 5_000;
/** How long sign-in attempts are kept unless SIGN_IN_ATTEMPT_RETENTION_DAYS says otherwise (docs/data-protection.md). */
export const DEFAULT_SIGN_IN_ATTEMPT_DAYS = 90;
/** How long the access log (who read whose record) is kept unless ACCESS_LOG_RETENTION_DAYS says otherwise: two years. */
export const DEFAULT_ACCESS_LOG_DAYS = 730;

export type RetentionSettings = { signInAttemptDays: number; accessLogDays: number; surveyMonths: number };

/** A whole number of days (or months), 1 or more, or the default when unset. */
function daysSetting(env: Record<string, string | undefined>, name: string, fallback: number, unit = 'days'): number {
	const raw = env[name]?.trim();
	if (raw === undefined || raw === '') return fallback;
	const days = Number(raw);
	if (!/^\d+$/.test(raw) || !Number.isSafeInteger(days) || days < 1) throw new Error(`${name} must be a whole number of ${unit}, 1 or more (it is "${raw}").`);
	return days;
}

/** Reads the retention settings from the environment; a value that is not a whole number of days is refused. */
export function retentionSettings(env: Record<string, string | undefined>): RetentionSettings {
	// At least a day: throttling reads the last 15 minutes of attempts.
	const signInAttemptDays = daysSetting(env, 'SIGN_IN_ATTEMPT_RETENTION_DAYS', DEFAULT_SIGN_IN_ATTEMPT_DAYS);
	if (signInAttemptDays * DAY_MS <= WINDOW_MS) throw new Error('SIGN_IN_ATTEMPT_RETENTION_DAYS must be longer than the throttling window.');
	return {
		signInAttemptDays,
		accessLogDays: daysSetting(env, 'ACCESS_LOG_RETENTION_DAYS', DEFAULT_ACCESS_LOG_DAYS),
		surveyMonths: daysSetting(env, 'SURVEY_RETENTION_MONTHS', DEFAULT_SURVEY_RETENTION_MONTHS, 'months')
	};
}

/**
 * Deletes sessions and emailed links that have expired, and sign-in attempts (with reset and single sign-on requests)
 * and access log entries older than their retention periods. None is a training record: an expired session or link
 * can never be used again, and attempts and reads are kept only to investigate misuse. Survey answers go by the month
 * they carry, with the "has answered" marks of versions left with no answer (surveys/store.ts).
 */
export function purgeExpired(db: Db, settings: RetentionSettings, now = new Date()) {
	const client = db.$client;
	const sessions = client.prepare('delete from sessions where id in (select id from sessions where expires_at <= ? limit ?)');
	const attempts = client.prepare('delete from login_attempts where id in (select id from login_attempts where at < ? limit ?)');
	const links = client.prepare('delete from account_tokens where id in (select id from account_tokens where expires_at <= ? limit ?)');
	// Password-reset and single sign-on requests are kept as long as sign-in attempts, for the same reason.
	const requests = client.prepare('delete from auth_requests where id in (select id from auth_requests where at < ? limit ?)');
	const attemptsBefore = now.getTime() - settings.signInAttemptDays * DAY_MS;
	return {
		sessions: inBatches(db, () => sessions.run(now.getTime(), PURGE_BATCH).changes),
		signInAttempts: inBatches(db, () => attempts.run(attemptsBefore, PURGE_BATCH).changes),
		accountLinks: inBatches(db, () => links.run(now.getTime(), PURGE_BATCH).changes),
		authRequests: inBatches(db, () => requests.run(attemptsBefore, PURGE_BATCH).changes),
		accessLog: purgeAccessLog(db, settings.accessLogDays, now, PURGE_BATCH),
		surveys: purgeSurveyAnswers(db, firstKeptMonth(settings.surveyMonths, now), PURGE_BATCH)
	};
}

function inBatches(db: Db, deleteBatch: () => number): number {
	const batch = db.$client.transaction(deleteBatch);
	let total = 0;
	for (;;) {
		const deleted = batch();
		total += deleted;
		if (deleted < PURGE_BATCH) return total;
	}
}
