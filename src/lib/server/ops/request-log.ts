import type { Handle, HandleServerError } from '@sveltejs/kit';
import type { Logger } from 'pino';
import { httpRequestDuration } from './app-metrics';
import { logger } from './logger';
import { runInRequestContext } from './request-context';
import { requestIdFrom } from './request-id';

/** Health and metrics routes: asked every few seconds by machines. */
export const PROBE_ROUTES: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);
export const isProbeRoute = (routeId: string | null) => routeId !== null && PROBE_ROUTES.has(routeId);

export type RequestRecord = {
	requestId: string;
	method: string;
	/** The route pattern ("/manage/people/[id]"), null when no route matched. */
	route: string | null;
	status: number;
	durationMs: number;
	/** The signed-in person's id: an opaque number, never a name or an email. */
	user: number | null;
};

/**
 * Server errors at error; everything else, client errors included, at info. Health probes that answer as they
 * should (200, or 503 from /readyz, whose changes readiness.ts logs once) at debug, so that probes every few seconds
 * do not fill the log.
 */
export function levelOf(record: Pick<RequestRecord, 'route' | 'status'>): 'error' | 'info' | 'debug' {
	if (isProbeRoute(record.route) && (record.status === 200 || (record.route === '/readyz' && record.status === 503))) return 'debug';
	if (record.status >= 500) return 'error';
	return 'info';
}

/** One JSON line and one histogram observation per request. */
export function recordRequest(record: RequestRecord, log: Logger = logger): void {
	httpRequestDuration.observe({ route: record.route ?? 'unmatched', method: record.method, status: String(record.status) }, record.durationMs / 1000);
	const { user, ...fields } = record;
	log[levelOf(record)]({ ...fields, durationMs: Math.round(record.durationMs * 10) / 10, ...(user === null ? {} : { user }) }, 'request');
}

/**
 * The outermost handle: gives the request its id (a sane incoming X-Request-Id, or a new one), makes it the current
 * request for everything that runs inside (the audit log reads it), sends it back in X-Request-Id, and records the
 * request when the answer is ready. Runs first, so its time covers the others.
 */
export const observeRequest: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const requestId = requestIdFrom(event.request.headers.get('x-request-id'));
	event.locals.requestId = requestId;
	let status = 500;
	try {
		const response = await runInRequestContext({ requestId }, () => resolve(event));
		status = response.status;
		response.headers.set('x-request-id', requestId);
		return response;
	} finally {
		recordRequest({
			requestId,
			method: event.request.method,
			route: event.route.id,
			status,
			durationMs: performance.now() - started,
			user: event.locals.user?.id ?? null
		});
	}
};

/**
 * SvelteKit calls this for every error it did not expect, with the status it will answer. A 404, a 405 for a
 * post to a page without actions, a 413 or 415 are the client's doing: the request line already says so, at info,
 * and a stack trace would only bury the real errors. Only server errors (5xx) are logged with their stack.
 * Returning nothing keeps SvelteKit's own message for the error page.
 */
export const logServerError: HandleServerError = ({ error, event, status }) => {
	if (status < 500) return;
	logger.error(
		{
			requestId: event.locals.requestId ?? null,
			method: event.request.method,
			route: event.route.id,
			status,
			err: error
		},
		'unexpected error'
	);
};
