import { AsyncLocalStorage } from 'node:async_hooks';

/** What code deep inside a request (the audit log, say) may know about the request without being passed it. */
export type RequestContext = { requestId: string };

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` (and everything it awaits) with `context` as the current request. */
export function runInRequestContext<T>(context: RequestContext, fn: () => T): T {
	return storage.run(context, fn);
}

/** The id of the request being answered, or undefined outside a request (scripts, periodic work, tests). */
export function currentRequestId(): string | undefined {
	return storage.getStore()?.requestId;
}

/**
 * An audit entry's detail with the current request's id added, so that an entry can be matched to the log line of
 * the request that wrote it. Outside a request, or when the detail already names one, it is returned as it is.
 */
export function withRequestId(detail: Record<string, unknown>): Record<string, unknown> {
	const requestId = currentRequestId();
	return requestId && !('requestId' in detail) ? { ...detail, requestId } : detail;
}
