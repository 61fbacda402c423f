import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { planFingerprint } from './fingerprint';
import { readRosterFile, type ParsedRoster } from './parse';
import { planRoster, type RosterContext, type RosterPlan } from './plan';
import { reportOf, type RosterReport } from './report';

/**
 * Parsing a 5 MB roster and planning 100,000 rows takes seconds of CPU. Done on the request thread, that froze every
 * other request for as long; here it runs in a worker thread instead, so the server keeps answering meanwhile.
 *
 * The worker runs this very module: `import.meta.url` is this file under vitest and tsx, and the chunk Rollup put it in
 * under the built server, so there is no second entry point to bundle or keep in step. Only pure code runs in it.
 */
type Task =
	| { task: 'parse'; bytes: Uint8Array }
	| { task: 'plan'; parsed: { rows: ParsedRows; problems: ParsedProblems }; context: RosterContext }
	| { task: 'report'; parsed: { rows: ParsedRows; problems: ParsedProblems; ignoredColumns: string[] }; context: RosterContext };
type Parsed = Extract<ParsedRoster, { ok: true }>;
type ParsedRows = Parsed['rows'];
type ParsedProblems = Parsed['problems'];

type Results = {
	parse: ParsedRoster;
	plan: { plan: RosterPlan; fingerprint: string };
	report: { report: RosterReport; fingerprint: string };
};

const MARK = 'crisis-care-academy/roster-worker';

function perform(message: Task): Results[Task['task']] {
	switch (message.task) {
		case 'parse':
			return readRosterFile(message.bytes);
		case 'plan': {
			const plan = planRoster(message.parsed, message.context);
			return { plan, fingerprint: planFingerprint(plan) };
		}
		case 'report': {
			// Shaped here too, so that only the few hundred rows a page shows travel back, not the whole plan.
			const plan = planRoster(message.parsed, message.context);
			const fingerprint = planFingerprint(plan);
			const report = reportOf({ ok: true, plan, fingerprint, ignoredColumns: message.parsed.ignoredColumns, units: message.context.units });
			return { report, fingerprint };
		}
	}
}

if (!isMainThread && parentPort && (workerData as { mark?: string } | null)?.mark === MARK) {
	const port = parentPort;
	port.once('message', (message: Task) => {
		try {
			port.postMessage({ ok: true, value: perform(message) });
		} catch (e) {
			port.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
		}
	});
}

/** Runs one roster task in a worker thread of its own and resolves with its result. */
export function offThread<T extends Task>(message: T): Promise<Results[T['task']]> {
	const url = new URL(import.meta.url);
	// Under vitest and tsx this module is TypeScript: the worker first registers tsx's loader to read it (a dev
	// dependency, never needed by the build, where the module is plain .js and the worker loads it directly).
	const worker = url.pathname.endsWith('.ts')
		? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, {
				eval: true,
				workerData: { mark: MARK }
			})
		: new Worker(url, { workerData: { mark: MARK } });
	return new Promise((resolve, reject) => {
		let settled = false;
		worker.once('message', (reply: { ok: true; value: Results[T['task']] } | { ok: false; error: string }) => {
			settled = true;
			void worker.terminate();
			if (reply.ok) resolve(reply.value);
			else reject(new Error(`Roster worker: ${reply.error}`));
		});
		worker.once('error', (e) => {
			settled = true;
			reject(e);
		});
		worker.once('exit', (code) => {
			if (!settled) reject(new Error(`Roster worker stopped (exit code ${code}) before answering`));
		});
		worker.postMessage(message);
	});
}
