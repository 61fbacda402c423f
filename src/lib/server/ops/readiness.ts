import { logger } from './logger';

/** One check's answer. `detail` is shown to anyone who asks /readyz: never personal data or file paths. */
export type CheckResult = { ok: boolean; detail: string };
export type ReadinessCheck = () => CheckResult | Promise<CheckResult>;
export type ReadinessReport = { status: 'ready' | 'not ready' | 'stopping'; checks: Record<string, CheckResult> };

const CHECK_TIMEOUT_MS = 2_000;
const checks = new Map<string, ReadinessCheck>();
let stopping = false;
let lastStatus: ReadinessReport['status'] | undefined;

/**
 * Adds a check that must pass for this process to take traffic (database, migrations, heartbeats, later the
 * mail sender). A check should be cheap: load balancers ask every few seconds. Registering a name again
 * replaces the check. Returns a function that removes it.
 */
export function registerReadinessCheck(name: string, check: ReadinessCheck): () => void {
	checks.set(name, check);
	return () => {
		if (checks.get(name) === check) checks.delete(name);
	};
}

/** From SIGTERM on, /readyz answers 503 so that a load balancer stops sending new requests here. */
export function markStopping(): void {
	stopping = true;
}

/** The error's code (SQLITE_CANTOPEN, ENOENT) rather than its message, which may hold paths. */
function failureOf(error: unknown): CheckResult {
	const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
	return { ok: false, detail: code ? `failed (${code})` : 'failed' };
}

async function run(name: string, check: ReadinessCheck): Promise<CheckResult> {
	let timer: NodeJS.Timeout | undefined;
	try {
		const timeout = new Promise<CheckResult>((resolve) => {
			timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS / 1000} s` }), CHECK_TIMEOUT_MS);
		});
		return await Promise.race([Promise.resolve().then(check), timeout]);
	} catch (error) {
		logger.warn({ check: name, err: error }, 'readiness check failed');
		return failureOf(error);
	} finally {
		clearTimeout(timer);
	}
}

/** Runs every check; ready only when all pass and the process is not stopping. Logs when the answer changes. */
export async function checkReadiness(): Promise<ReadinessReport> {
	const names = [...checks.keys()];
	const results = await Promise.all(names.map((name) => run(name, checks.get(name)!)));
	const report: ReadinessReport = {
		status: stopping ? 'stopping' : results.every((r) => r.ok) ? 'ready' : 'not ready',
		checks: Object.fromEntries(names.map((name, i) => [name, results[i]]))
	};
	if (report.status !== lastStatus) {
		const failing = names.filter((_, i) => !results[i].ok);
		if (report.status === 'ready') logger.info({ readiness: report.status }, 'ready');
		else logger.warn({ readiness: report.status, failing }, 'not ready');
		lastStatus = report.status;
	}
	return report;
}
