import { planFingerprint } from './fingerprint';
import { readRosterFile, type ParsedRoster } from './parse';
import { planRoster, type RosterContext, type RosterPlan } from './plan';
import { reportOf, type RosterReport } from './report';

type Parsed = Extract<ParsedRoster, { ok: true }>;

/** The CPU-heavy steps of an import: reading the file, planning it, and shaping a plan for the page. */
export type RosterTasks = {
	parse(bytes: Uint8Array): Promise<ParsedRoster>;
	plan(parsed: Pick<Parsed, 'rows' | 'problems'>, context: RosterContext): Promise<{ plan: RosterPlan; fingerprint: string }>;
	report(parsed: Parsed, context: RosterContext): Promise<{ report: RosterReport; fingerprint: string }>;
};

/**
 * Imported lazily so that the bundler gives the worker's module a chunk of its own: the worker then loads only the
 * pure roster code, not the route and everything it imports.
 */
const offThread: typeof import('./off-thread').offThread = async (message) => (await import('./off-thread')).offThread(message);

/** What the server uses: each step in a worker thread, so that other requests are answered meanwhile. */
export const workerTasks: RosterTasks = {
	parse: (bytes) => offThread({ task: 'parse', bytes }),
	plan: (parsed, context) => offThread({ task: 'plan', parsed: { rows: parsed.rows, problems: parsed.problems }, context }),
	report: (parsed, context) =>
		offThread({ task: 'report', parsed: { rows: parsed.rows, problems: parsed.problems, ignoredColumns: parsed.ignoredColumns }, context })
};

/** The same steps on the calling thread: for unit tests of what the steps decide, and scripts. */
export const inThreadTasks: RosterTasks = {
	parse: async (bytes) => readRosterFile(bytes),
	plan: async (parsed, context) => {
		const plan = planRoster(parsed, context);
		return { plan, fingerprint: planFingerprint(plan) };
	},
	report: async (parsed, context) => {
		const plan = planRoster(parsed, context);
		const fingerprint = planFingerprint(plan);
		return { report: reportOf({ ok: true, plan, fingerprint, ignoredColumns: parsed.ignoredColumns, units: context.units }), fingerprint };
	}
};
