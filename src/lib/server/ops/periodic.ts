import type { Logger } from 'pino';
import { taskFailures } from './app-metrics';
import { expectAlive, markAlive } from './heartbeat';
import { logger } from './logger';
import { onShutdown } from './shutdown';

/** `name` is short and stable (a metric label); `what` completes "Could not ..." in the log. */
export type PeriodicTask = { name: string; what: string; run: () => void };

/**
 * Runs the tasks now (before the first request) and then every `everyMs`. None is fatal: a failure is logged
 * with its stack and counted, and tried again at the next run. Each task that succeeds is marked alive under its
 * own name; the run as a whole under `name` once all have been tried, and /readyz expects that within three
 * intervals. Stops when the server shuts down.
 */
export function startPeriodicWork(
	name: string,
	tasks: PeriodicTask[],
	everyMs: number,
	log: Logger = logger,
	/** Whether /readyz waits on it: not for work whose stall should not take the server out of service. */
	{ readiness = true }: { readiness?: boolean } = {}
): { runOnce: () => void } {
	const runOnce = () => {
		for (const task of tasks) {
			try {
				task.run();
				markAlive(task.name);
			} catch (error) {
				taskFailures.inc({ task: task.name });
				log.error({ task: task.name, err: error }, `Could not ${task.what}`);
			}
		}
		markAlive(name);
	};
	for (const task of tasks) taskFailures.inc({ task: task.name }, 0);
	if (readiness) expectAlive(name, 3 * everyMs);
	runOnce();
	const timer = setInterval(runOnce, everyMs).unref();
	onShutdown(name, () => clearInterval(timer));
	return { runOnce };
}
