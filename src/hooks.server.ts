import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { purgeExpired, retentionSettings } from '$lib/server/auth/retention';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { ensureAggregates } from '$lib/server/competency/aggregates';
import { londonToday } from '$lib/server/competency/dates';
import { getDb } from '$lib/server/db';
import { refreshStatistics } from '$lib/server/db/statistics';
import { drainUnreadBody } from '$lib/server/forms/drain-body';
import { checkOrigin } from '$lib/server/forms/origin-check';
import { getFramework } from '$lib/server/competency/catalogue';
import '$lib/server/mail/catalogue';
import { startMailService } from '$lib/server/mail/service';

/**
 * Opens the database and applies pending migrations before the first request, and brings the dashboard
 * aggregates to today (a full count only the first time; then a moment each new day, done here rather than
 * in a manager's request: on start-up and every ten minutes). At the same times it deletes expired sessions
 * and sign-in attempts past their retention (docs/data-protection.md) and keeps the query planner's statistics current.
 * Mail (src/lib/server/mail/service.ts): the sender starts here; refresher reminders are planned at start-up and every
 * hour, managers' digests checked at start-up and every ten minutes, and old mail purged with the rest.
 */
export const init: ServerInit = () => {
	// Read first: a retention setting that makes no sense stops the server with a message, before it serves.
	const retention = retentionSettings(process.env);
	const db = getDb();
	const mail = startMailService(db, getFramework(), process.env);
	process.on('sveltekit:shutdown', () => void mail.stop());
	let firstRun = true;
	// None is fatal: each is tried again at the next run (and dashboards bring the aggregates up to date themselves).
	const tasks: [string, () => void][] = [
		['bring the dashboard aggregates up to date', () => ensureAggregates(db, londonToday())],
		['delete expired sessions and old sign-in attempts', () => purgeExpired(db, retention)],
		['refresh the query planner statistics', () => refreshStatistics(db, { allTables: firstRun })],
		['delete mail past its retention', () => mail.purge()],
		['queue the managers’ digests that are due', () => mail.planDigests()]
	];
	const planReminders = () => {
		try {
			mail.planReminders();
		} catch (error) {
			console.error('Could not plan refresher reminders:', error);
		}
	};
	const refresh = () => {
		for (const [what, task] of tasks) {
			try {
				task();
			} catch (error) {
				console.error(`Could not ${what}:`, error);
			}
		}
		firstRun = false;
	};
	refresh();
	setInterval(refresh, 10 * 60_000).unref();
	// Just after start-up rather than before it: a first run over a whole force takes a few seconds.
	setTimeout(planReminders, 0);
	setInterval(planReminders, 60 * 60_000).unref();
};

const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const result = validateSessionToken(getDb(), token);
	if (result.session) {
		if (result.renewed) setSessionCookie(event.cookies, token, result.session.expiresAt, event.url);
	} else {
		deleteSessionCookie(event.cookies, event.url);
	}
	event.locals.user = result.user;
	event.locals.session = result.session;
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handle = sequence(drainUnreadBody, checkOrigin, handleSession, securityHeaders);
