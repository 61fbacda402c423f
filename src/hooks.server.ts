import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { securityHeaders } from '$lib/server/access/security-headers';
import { startAuditLog } from '$lib/server/audit/startup';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { purgeExpired, retentionSettings } from '$lib/server/auth/retention';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { ensureAggregates } from '$lib/server/competency/aggregates';
import { londonToday } from '$lib/server/competency/dates';
import { getDb } from '$lib/server/db';
import { refreshStatistics } from '$lib/server/db/statistics';
import { drainUnreadBody } from '$lib/server/forms/drain-body';

/**
 * Opens the database and applies pending migrations before the first request, and brings the dashboard
 * aggregates to today (a full count only the first time; then a moment each new day, done here rather than
 * in a manager's request: on start-up and every ten minutes). At the same times it deletes expired sessions
 * and sign-in attempts past their retention (docs/data-protection.md), keeps the query planner's statistics current,
 * and writes a signed checkpoint of the audit log's head outside the database (docs/audit.md).
 */
export const init: ServerInit = () => {
	// Read first: a retention setting that makes no sense stops the server with a message, before it serves.
	const retention = retentionSettings(process.env);
	const db = getDb();
	// A missing or wrong audit key stops the server here, with a message (docs/audit.md).
	const audit = startAuditLog(db);
	let firstRun = true;
	// None is fatal: each is tried again at the next run (and dashboards bring the aggregates up to date themselves).
	const tasks: [string, () => void][] = [
		['bring the dashboard aggregates up to date', () => ensureAggregates(db, londonToday())],
		['delete expired sessions and old sign-in attempts', () => purgeExpired(db, retention)],
		['refresh the query planner statistics', () => refreshStatistics(db, { allTables: firstRun })],
		['write an audit checkpoint', () => audit.checkpoint()]
	];
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

const addSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(securityHeaders(event.url, event.locals.user !== null))) {
		response.headers.set(name, value);
	}
	return response;
};

export const handle = sequence(drainUnreadBody, handleSession, addSecurityHeaders);
