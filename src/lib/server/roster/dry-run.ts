import type { Db } from '../db';
import { loadRosterContext, type RosterImporter } from './context';
import { planFingerprint } from './fingerprint';
import { readRosterFile } from './parse';
import { planRoster, type RosterPlan } from './plan';
import type { RosterReport } from './report';
import type { RosterUnit } from './row';
import { workerTasks, type RosterTasks } from './tasks';

export type DryRun = { ok: false; message: string } | { ok: true; plan: RosterPlan; fingerprint: string; ignoredColumns: string[]; units: RosterUnit[] };

/** Reads an uploaded roster and works out what it would change. Writes nothing. */
export function dryRunRoster(db: Db, organisationId: number, bytes: Uint8Array, importer: RosterImporter): DryRun {
	const parsed = readRosterFile(bytes);
	if (!parsed.ok) return parsed;
	const context = loadRosterContext(db, organisationId, parsed.rows, importer);
	if (!context) return { ok: false, message: 'This organisation no longer exists.' };
	const plan = planRoster(parsed, context);
	return { ok: true, plan, fingerprint: planFingerprint(plan), ignoredColumns: parsed.ignoredColumns, units: context.units };
}

export type Checked = { ok: false; message: string } | { ok: true; report: RosterReport };

/**
 * The dry run as the server does it: the file is read and planned in a worker thread (see tasks.ts); only the
 * records it is planned from are read here. The page gets the report, never the whole plan.
 */
export async function checkRoster(
	db: Db,
	organisationId: number,
	bytes: Uint8Array,
	importer: RosterImporter,
	tasks: RosterTasks = workerTasks
): Promise<Checked> {
	const parsed = await tasks.parse(bytes);
	if (!parsed.ok) return parsed;
	const context = loadRosterContext(db, organisationId, parsed.rows, importer);
	if (!context) return { ok: false, message: 'This organisation no longer exists.' };
	const { report } = await tasks.report(parsed, context);
	return { ok: true, report };
}
