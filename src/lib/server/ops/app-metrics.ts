import { statfsSync, statSync } from 'node:fs';
import { counter, gauge, histogram } from './metrics';

/** By route pattern (event.route.id, never the raw address with its ids), method and status. */
export const httpRequestDuration = histogram({
	name: 'academy_http_request_duration_seconds',
	help: 'Time to answer a request, by route id ("unmatched" for no route), method and status',
	labelNames: ['route', 'method', 'status'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
});

const SIGN_IN_OUTCOMES = ['succeeded', 'failed', 'throttled'] as const;
export type SignInOutcome = (typeof SIGN_IN_OUTCOMES)[number];
const signIns = counter({
	name: 'academy_sign_in_attempts_total',
	help: 'Sign-in attempts by outcome: succeeded, failed (wrong email or password) or throttled (refused before the password was checked)',
	labelNames: ['outcome'] as const
});
// Every outcome is there from the start, at 0, so that rate() and alerts work before the first failure.
for (const outcome of SIGN_IN_OUTCOMES) signIns.inc({ outcome }, 0);

export function countSignIn(outcome: SignInOutcome): void {
	signIns.inc({ outcome });
}

const rosterImports = gauge({
	name: 'academy_roster_imports_running',
	help: 'Roster files being received, checked or applied right now, by step (check or apply)',
	labelNames: ['step'] as const
});
for (const step of ['check', 'apply']) rosterImports.set({ step }, 0);

/** Wraps a roster form action so that the time it takes, upload included, counts as an import running. */
export function countingRosterImports<A extends unknown[], R>(step: 'check' | 'apply', action: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
	return async (...args) => {
		rosterImports.inc({ step });
		try {
			return await action(...args);
		} finally {
			rosterImports.dec({ step });
		}
	};
}

let databaseFile: string | undefined;

/** Reports the size of this database file, its write-ahead log and the free space on its disk at each scrape. */
export function watchDatabaseFiles(path: string): void {
	databaseFile = path === ':memory:' || path === '' ? undefined : path;
}

function sizeOf(path: string): number {
	try {
		return statSync(path).size;
	} catch {
		return 0; // no write-ahead log between checkpoints, or no file yet
	}
}

// Every process sees the same files: the largest reading is the newest.
gauge({
	name: 'academy_database_size_bytes',
	help: 'Size of the SQLite database file',
	aggregator: 'max',
	collect() {
		if (databaseFile) this.set(sizeOf(databaseFile));
	}
});
gauge({
	name: 'academy_database_wal_size_bytes',
	help: 'Size of the database write-ahead log (-wal file); it should fall back after each checkpoint',
	aggregator: 'max',
	collect() {
		if (databaseFile) this.set(sizeOf(`${databaseFile}-wal`));
	}
});
gauge({
	name: 'academy_database_disk_free_bytes',
	help: 'Space free for the server on the disk that holds the database',
	aggregator: 'min',
	collect() {
		if (!databaseFile) return;
		try {
			const fs = statfsSync(databaseFile);
			this.set(fs.bavail * fs.bsize);
		} catch {
			// the file system does not say: leave the last reading
		}
	}
});

/** With several processes, the oldest of their readings: an alert on its age fires when any one has stalled. */
export const taskLastSuccess = gauge({
	name: 'academy_task_last_success_timestamp_seconds',
	help: 'When each background task last finished without error (Unix time); with several processes, the oldest',
	labelNames: ['task'] as const,
	aggregator: 'min'
});

export const taskFailures = counter({
	name: 'academy_task_failures_total',
	help: 'Runs of a background task that ended in an error (logged with its stack)',
	labelNames: ['task'] as const
});
