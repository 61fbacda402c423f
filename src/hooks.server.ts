import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { purgeExpired, retentionSettings } from '$lib/server/auth/retention';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { ensureAggregates } from '$lib/server/competency/aggregates';
import { londonToday } from '$lib/server/competency/dates';
import { getDb } from '$lib/server/db';
import { drainUnreadBody } from '$lib/server/http/drain-body';

/**
 * Opens the database and applies pending migrations before the first request, and brings the dashboard
 * aggregates to today (a full count only the first time; then a moment each new day, done here rather than
 * in a manager's request: on start-up and every ten minutes). At the same times it deletes expired sessions
 * and sign-in attempts past their retention (docs/data-protection.md).
 */
export const init: ServerInit = () => {
	// Read first: a retention setting that makes no sense stops the server with a message, before it serves.
	const retention = retentionSettings(process.env);
	const db = getDb();
	const refresh = () => {
		try {
			ensureAggregates(db, londonToday());
		} catch (error) {
			// Not fatal: each dashboard request brings them up to date itself.
			console.error('Could not bring the dashboard aggregates up to date:', error);
		}
		try {
			purgeExpired(db, retention);
		} catch (error) {
			// Not fatal either: the next run tries again, and expired sessions are refused when presented anyway.
			console.error('Could not delete expired sessions and old sign-in attempts:', error);
		}
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

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handle = sequence(drainUnreadBody, handleSession, securityHeaders);
