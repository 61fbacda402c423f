import type { RequestEvent } from '@sveltejs/kit';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, logger } from './logger';
import { httpRequestDuration } from './app-metrics';
import { currentRequestId } from './request-context';
import { levelOf, logServerError, observeRequest, recordRequest } from './request-log';

afterEach(() => vi.restoreAllMocks());

function captured() {
	const lines: Record<string, unknown>[] = [];
	const sink = new Writable({
		write: (chunk, _e, done) => (
			String(chunk)
				.split('\n')
				.filter(Boolean)
				.forEach((l) => lines.push(JSON.parse(l))),
			done()
		)
	});
	return { lines, log: createLogger('debug', sink) };
}

function fakeEvent(method: string, routeId: string | null, headers: Record<string, string> = {}) {
	return {
		request: new Request('http://localhost/x', { method, headers }),
		route: { id: routeId },
		locals: { user: null, session: null }
	} as unknown as RequestEvent;
}

async function histogramCount(route: string, method: string, status: string) {
	const metric = await httpRequestDuration.get();
	const sample = metric.values.find(
		(v) =>
			v.metricName === 'academy_http_request_duration_seconds_count' && v.labels.route === route && v.labels.method === method && v.labels.status === status
	);
	return sample?.value ?? 0;
}

describe('levelOf', () => {
	it('logs client errors at info, server errors at error, and health probes that answer as they should at debug', () => {
		for (const status of [200, 303, 400, 404, 405, 413, 415]) expect(levelOf({ route: '/login', status })).toBe('info');
		for (const status of [500, 502, 503]) expect(levelOf({ route: '/login', status })).toBe('error');
		expect(levelOf({ route: null, status: 404 })).toBe('info');
		expect(levelOf({ route: '/readyz', status: 200 })).toBe('debug');
		expect(levelOf({ route: '/healthz', status: 200 })).toBe('debug');
		expect(levelOf({ route: '/metrics', status: 401 })).toBe('info');
		expect(levelOf({ route: '/readyz', status: 503 })).toBe('debug');
		expect(levelOf({ route: '/readyz', status: 500 })).toBe('error');
		expect(levelOf({ route: '/metrics', status: 503 })).toBe('error');
	});
});

describe('recordRequest', () => {
	it('writes the route pattern, status, duration and the person id only, and counts the request by route', async () => {
		const { lines, log } = captured();
		const before = await histogramCount('/manage/people/[id]', 'GET', '200');
		recordRequest({ requestId: 'r-1', method: 'GET', route: '/manage/people/[id]', status: 200, durationMs: 12.345, user: 42 }, log);
		recordRequest({ requestId: 'r-2', method: 'POST', route: null, status: 404, durationMs: 1, user: null }, log);
		expect(lines[0]).toMatchObject({
			level: 'info',
			msg: 'request',
			requestId: 'r-1',
			method: 'GET',
			route: '/manage/people/[id]',
			status: 200,
			durationMs: 12.3,
			user: 42
		});
		expect(lines[1]).toMatchObject({ level: 'info', requestId: 'r-2', route: null, status: 404 });
		expect(lines[1]).not.toHaveProperty('user');
		expect(await histogramCount('/manage/people/[id]', 'GET', '200')).toBe(before + 1);
		expect(await histogramCount('unmatched', 'POST', '404')).toBeGreaterThanOrEqual(1);
	});
});

describe('observeRequest', () => {
	it('gives the request its id, makes it current inside, sends it back, and logs the request', async () => {
		const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
		const event = fakeEvent('GET', '/training', { 'x-request-id': 'lb-0001' });
		let inside: string | undefined;
		const response = await observeRequest({
			event,
			resolve: async () => {
				inside = currentRequestId();
				return new Response('ok', { status: 200 });
			}
		});
		expect(inside).toBe('lb-0001');
		expect(event.locals.requestId).toBe('lb-0001');
		expect(response.headers.get('x-request-id')).toBe('lb-0001');
		expect(currentRequestId()).toBeUndefined();
		expect(info).toHaveBeenCalledWith(expect.objectContaining({ requestId: 'lb-0001', method: 'GET', route: '/training', status: 200 }), 'request');
	});

	it('replaces an id that is not sane', async () => {
		vi.spyOn(logger, 'info').mockImplementation(() => undefined);
		const response = await observeRequest({
			event: fakeEvent('GET', '/training', { 'x-request-id': 'bad id\twith tab' }),
			resolve: async () => new Response('ok')
		});
		expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
	});
});

describe('logServerError', () => {
	it('logs nothing for errors that are the client’s doing', async () => {
		const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
		for (const status of [400, 404, 405, 413, 415]) {
			await logServerError({
				error: new Error('POST method not allowed. No form actions exist for this page'),
				event: fakeEvent('POST', '/modules'),
				status,
				message: 'Method Not Allowed'
			});
		}
		expect(error).not.toHaveBeenCalled();
	});

	it('logs a server error with its stack and the request id', async () => {
		const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
		const event = fakeEvent('GET', '/manage');
		event.locals.requestId = 'r-500';
		const thrown = new Error('database is locked');
		await logServerError({ error: thrown, event, status: 500, message: 'Internal Error' });
		expect(error).toHaveBeenCalledWith(expect.objectContaining({ requestId: 'r-500', route: '/manage', status: 500, err: thrown }), 'unexpected error');
	});
});
