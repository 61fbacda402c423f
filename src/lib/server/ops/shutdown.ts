import { logger } from './logger';
import { markStopping } from './readiness';

type Stopper = { name: string; stop: () => void | Promise<void> };
const stoppers: Stopper[] = [];
let installed = false;

/**
 * Something to do when the server stops, after it has stopped taking requests and answered those in flight:
 * stop the periodic work, let the mail sender finish the message it is sending, close the database. Run one at a
 * time in the reverse order of registration (the database, registered first, is closed last).
 */
export function onShutdown(name: string, stop: () => void | Promise<void>): void {
	stoppers.push({ name, stop });
}

/** Runs the stoppers, each awaited, within `timeoutMs` overall; true when all finished in time. */
export async function runShutdown(timeoutMs: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), timeoutMs);
		timer.unref();
	});
	const all = (async () => {
		for (const { name, stop } of stoppers.splice(0).reverse()) {
			try {
				await stop();
			} catch (error) {
				logger.error({ task: name, err: error }, 'could not stop cleanly');
			}
		}
		return true as const;
	})();
	try {
		return await Promise.race([all, deadline]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * adapter-node stops on SIGTERM or SIGINT: it closes the listening socket, waits for the requests in flight
 * (at most SHUTDOWN_TIMEOUT seconds, default 30) and then emits `sveltekit:shutdown`. From the signal on,
 * /readyz says "stopping"; on the event, the stoppers run, and the process ends by itself once nothing is left to
 * do. If a stopper hangs past SHUTDOWN_TIMEOUT, the process exits with 1 rather than never.
 * Only for the built server: vite's dev server has its own signal handling.
 */
export function installShutdown(env: Record<string, string | undefined> = process.env): void {
	if (installed) return;
	installed = true;
	const timeoutMs = (Number.parseInt(env.SHUTDOWN_TIMEOUT ?? '', 10) || 30) * 1000;
	for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, markStopping);
	process.once('sveltekit:shutdown', async (reason: unknown) => {
		logger.info({ reason }, 'stopped taking requests; finishing background work');
		if (await runShutdown(timeoutMs)) {
			logger.info('stopped');
		} else {
			logger.error({ timeoutMs }, 'background work did not stop in time; exiting anyway');
			process.exit(1);
		}
	});
}
