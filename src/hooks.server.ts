import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { securityHeaders } from '$lib/server/access/security-headers';
import { startAuditLog } from '$lib/server/audit/startup';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { purgeExpired, retentionSettings } from '$lib/server/auth/retention';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { ensureAggregates } from '$lib/server/reporting/aggregates';
import { ensurePartnershipSnapshots } from '$lib/server/reporting/partnership-snapshots';
import { londonToday } from '$lib/server/competency/dates';
import { getDb } from '$lib/server/db';
import { refreshStatistics } from '$lib/server/db/statistics';
import { drainUnreadBody } from '$lib/server/forms/drain-body';
import { compressionEnabled, compressResponse, negotiateEncoding, shouldCompress, varyOnEncoding } from '$lib/server/http/compression';
import { startOperations } from '$lib/server/ops/install';
import { startPeriodicWork } from '$lib/server/ops/periodic';
import { isProbeRoute, logServerError, observeRequest } from '$lib/server/ops/request-log';
import { checkOrigin } from '$lib/server/forms/origin-check';
import { allModules, allScenarios, contentLookup, getFramework } from '$lib/server/content';
import { declaredChanges, startRetraining } from '$lib/server/assignments/retraining';
import { syncDueDates } from '$lib/server/competency/due-dates-store';
import { buildSearchIndex } from '$lib/server/search';
import '$lib/server/mail/catalogue';
import { startMailService } from '$lib/server/mail/service';
import { watchMailSender } from '$lib/server/mail/operations';
import { planSessionReminders } from '$lib/server/practical/reminders';

/**
 * Opens the database and applies pending migrations before the first request, and brings the dashboard
 * aggregates to today (a full count only the first time; then a moment each new day, done here rather than
 * in a manager's request: on start-up and every ten minutes). At the same times it deletes expired sessions,
 * sign-in attempts, access log entries and survey answers past their retention (docs/data-protection.md) and keeps the query planner's statistics current.
 * Mail (src/lib/server/mail/service.ts): the sender starts here; refresher reminders are planned at start-up and every
 * hour (with practical session reminders, 2 days before each session), managers' digests checked at start-up and every ten minutes, and old mail purged with the rest.
 * A signed checkpoint of the audit log's head is written outside the database at the same times (docs/audit.md).
 */
export const init: ServerInit = () => {
	// Read first: a retention setting that makes no sense stops the server with a message, before it serves.
	const retention = retentionSettings(process.env);
	const db = getDb();
	startOperations(db, { dev });
	// A missing or wrong audit key stops the server here, with a message (docs/audit.md).
	const audit = startAuditLog(db);
	// Due dates follow the induction plans: after a deploy that changed them, everyone's are worked out again.
	syncDueDates(db, getFramework());
	// Derived from the content this server was built with: rebuilt on every start.
	buildSearchIndex(db);
	let firstRun = true;
	// Registered after the operations, so that on shutdown the message being sent finishes before the database closes.
	const mail = startMailService(db, { framework: getFramework(), lookup: contentLookup }, process.env);
	watchMailSender(db, mail);
	// None is fatal: each is tried again at the next run (and dashboards bring the aggregates up to date themselves).
	startPeriodicWork(
		'maintenance',
		[
			{ name: 'aggregates', what: 'bring the dashboard aggregates up to date', run: () => ensureAggregates(db, londonToday()) },
			{ name: 'partnership-figures', what: 'publish the partnership figures for yesterday', run: () => ensurePartnershipSnapshots(db, londonToday()) },
			{
				name: 'retention-purge',
				what: 'delete expired sessions and emailed links, old sign-in attempts and old access log entries',
				run: () => purgeExpired(db, retention)
			},
			{ name: 'planner-statistics', what: 'refresh the query planner statistics', run: () => refreshStatistics(db, { allTables: firstRun }) },
			{ name: 'mail-purge', what: 'delete mail past its retention', run: () => void mail.purge() },
			{ name: 'digests', what: 'queue the managers’ digests that are due', run: () => void mail.planDigests() },
			{ name: 'audit-checkpoint', what: 'write an audit checkpoint', run: () => void audit.checkpoint() },
			{
				name: 'retraining',
				what: 'start assigning retraining for content with a major change',
				// In chunks, off the request path: its own failures are logged and counted by startRetraining.
				run: () => startRetraining(db, { framework: getFramework(), lookup: contentLookup }, declaredChanges(allModules(), allScenarios()))
			}
		],
		10 * 60_000
	);
	firstRun = false; // the first run has happened, inside startPeriodicWork
	// Refresher reminders hourly, the first just after start-up rather than before it: a first run over a whole force
	// takes a few seconds.
	const reminders = [
		{ name: 'reminders', what: 'plan refresher reminders', run: () => void mail.planReminders() },
		{ name: 'session-reminders', what: 'plan practical session reminders', run: () => void planSessionReminders(db, getFramework()) }
	];
	// Not a readiness check: a stalled planner delays reminders, and its failures show in the metrics and the log.
	setTimeout(() => startPeriodicWork('reminder-planning', reminders, 60 * 60_000, undefined, { readiness: false }), 0).unref();
};

const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	// Health and metrics answer the same to everyone, without a database lookup for a cookie.
	if (!token || isProbeRoute(event.route.id)) {
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
	for (const [name, value] of Object.entries(securityHeaders(event.url, event.locals.user !== null, response.headers.get('cache-control')))) {
		response.headers.set(name, value);
	}
	return response;
};

// Pages and JSON go out brotli- or gzip-compressed (static files are precompressed at build by adapter-node).
const compress = compressionEnabled(process.env);
const compressPages: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!compress || !shouldCompress(event.request.method, response)) return response;
	const encoding = negotiateEncoding(event.request.headers.get('accept-encoding'));
	if (encoding) return await compressResponse(response, encoding);
	varyOnEncoding(response.headers);
	return response;
};

export const handle = sequence(observeRequest, compressPages, drainUnreadBody, checkOrigin, handleSession, addSecurityHeaders);

export const handleError: HandleServerError = logServerError;
