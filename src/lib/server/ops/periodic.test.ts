import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lastAlive } from './heartbeat';
import { createLogger, logger } from './logger';
import { metricsRegistry } from './metrics';
import { checkReadiness } from './readiness';
import { startPeriodicWork } from './periodic';

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

async function sample(name: string, task: string) {
	const metric = await metricsRegistry.getSingleMetric(name)!.get();
	return metric.values.find((v) => v.labels.task === task)?.value;
}

describe('startPeriodicWork', () => {
	it('runs every task now and each interval; a failure is logged with its stack and counted, and the others still run', async () => {
		vi.useFakeTimers({ now: new Date('2026-05-01T09:00:00Z') });
		vi.spyOn(logger, 'info').mockImplementation(() => undefined); // readiness says "ready" once
		const lines: Record<string, unknown>[] = [];
		const sink = new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()) });
		let runs = 0;
		startPeriodicWork(
			'test-maintenance',
			[
				{
					name: 'test-broken',
					what: 'do the broken thing',
					run: () => {
						throw new Error('disk I/O error');
					}
				},
				{ name: 'test-fine', what: 'do the fine thing', run: () => void runs++ }
			],
			60_000,
			createLogger('info', sink)
		);
		expect(runs).toBe(1);
		expect(lines[0]).toMatchObject({
			level: 'error',
			task: 'test-broken',
			msg: 'Could not do the broken thing',
			err: { message: 'disk I/O error', stack: expect.stringContaining('periodic.test.ts') }
		});
		expect(await sample('academy_task_failures_total', 'test-broken')).toBe(1);
		expect(await sample('academy_task_failures_total', 'test-fine')).toBe(0);
		expect(lastAlive('test-fine')).toBe(Date.parse('2026-05-01T09:00:00Z'));
		expect(lastAlive('test-broken')).toBeUndefined();
		expect(await sample('academy_task_last_success_timestamp_seconds', 'test-maintenance')).toBe(Date.parse('2026-05-01T09:00:00Z') / 1000);

		await vi.advanceTimersByTimeAsync(60_000);
		expect(runs).toBe(2);
		expect(lastAlive('test-maintenance')).toBe(Date.parse('2026-05-01T09:01:00Z'));
		expect((await checkReadiness()).checks['test-maintenance']).toEqual({ ok: true, detail: 'last ran 0 s ago' });
	});
});
