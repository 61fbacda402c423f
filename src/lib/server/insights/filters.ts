import { JOB_ROLE_IDS, type JobRoleId } from '../../organisation-model';
import { enumParam, intParam } from '../forms/query';

export const RUN_KINDS = ['all', 'first', 'refresher'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export type InsightFilters = {
	organisationId?: number;
	unitId?: number;
	jobRole?: JobRoleId;
	/** YYYY-MM, inclusive. */
	from?: string;
	to?: string;
	/** Every run, runs of people who had not passed the scenario before, or refreshers after a pass. */
	runs: RunKind;
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthParam = (url: URL, name: string) => {
	const raw = url.searchParams.get(name);
	return raw && MONTH.test(raw) ? raw : undefined;
};

/** The /insights URL filters, read leniently: anything malformed is ignored. A period given backwards is turned round. */
export function readInsightFilters(url: URL): InsightFilters {
	let from = monthParam(url, 'from');
	let to = monthParam(url, 'to');
	if (from && to && from > to) [from, to] = [to, from];
	return {
		organisationId: intParam(url, 'organisation'),
		unitId: intParam(url, 'unit'),
		jobRole: enumParam(url, 'role', JOB_ROLE_IDS),
		from,
		to,
		runs: enumParam(url, 'runs', RUN_KINDS) ?? 'all'
	};
}

/** The filters as a query string (for links such as the CSV export), empty when none is set. */
export function filterQuery(f: InsightFilters): string {
	const params = new URLSearchParams();
	if (f.organisationId) params.set('organisation', String(f.organisationId));
	if (f.unitId) params.set('unit', String(f.unitId));
	if (f.jobRole) params.set('role', f.jobRole);
	if (f.from) params.set('from', f.from);
	if (f.to) params.set('to', f.to);
	if (f.runs !== 'all') params.set('runs', f.runs);
	const text = params.toString();
	return text ? `?${text}` : '';
}

const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;

/** Orders "major.minor.patch" versions by number (text order would put 1.10.0 before 1.9.0). */
export function compareVersions(a: string, b: string): number {
	const [x, y] = [a, b].map((v) => v.split('.').map(Number));
	for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
	return 0;
}

/**
 * The module versions a reader may choose (the current one, and every one with answers, newest first) and the one
 * the URL asks for: anything malformed or not among them reads as the current version.
 */
export function readModuleVersion(url: URL, current: string, withAnswers: readonly string[]): { selected: string; list: string[]; current: string } {
	const list = [...new Set([current, ...withAnswers])]
		.filter((v) => VERSION.test(v))
		.sort(compareVersions)
		.reverse();
	const raw = url.searchParams.get('version');
	return { selected: raw && list.includes(raw) ? raw : current, list, current };
}
