import { getDb, MIGRATIONS_FOLDER, type Db } from '../db';
import { watchDatabaseFiles } from './app-metrics';
import { databaseCheck, migrationsCheck } from './database-checks';
import { metricsTokenFrom } from './metrics-access';
import { registerReadinessCheck } from './readiness';
import { installShutdown, onShutdown } from './shutdown';

/**
 * What the server process sets up for operating it, from `init` in hooks.server.ts: the readiness checks for the
 * database and its migrations, the database size metrics, and (for the built server) the graceful shutdown, which
 * closes the database last.
 */
export function startOperations(db: Db, { dev }: { dev: boolean }): void {
	metricsTokenFrom(process.env); // a bad METRICS_TOKEN stops the server with a message, before it serves
	registerReadinessCheck('database', databaseCheck(getDb));
	registerReadinessCheck('migrations', migrationsCheck(getDb, MIGRATIONS_FOLDER));
	watchDatabaseFiles(db.$client.name);
	if (!dev) {
		onShutdown('database', () => {
			db.$client.close();
		});
		installShutdown();
	}
}
