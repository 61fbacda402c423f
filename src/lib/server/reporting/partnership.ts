/**
 * The partnership view: for each London borough and agency, the share of people in date on the competencies the
 * agencies share, as of the end of yesterday (partnership-snapshots.ts), with a 12-month trend. Aggregates only, and
 * every figure under disclosure control (disclosure.ts): nothing about any one person leaves this module.
 */
import type { Db } from '../db';
import { JOB_ROLES, LONDON_BOROUGHS } from '../../organisation-model';
import type { Framework } from '../competency/framework';
import type { IsoDate } from '../competency/dates';
import { publishShare, type PublishedShare } from './disclosure';
import {
	AGENCY_KINDS,
	ensurePartnershipSnapshots,
	publishedDates,
	publishedDay,
	readCountedSnapshots,
	type AgencyKind,
	type SnapshotRow
} from './partnership-snapshots';
import { stampedCachePerConnection } from '../db/stamped-cache';

export { AGENCY_KINDS, type AgencyKind };

/** Competencies that roles in every agency need: the ground the agencies share. */
export function sharedCompetencies(framework: Framework): string[] {
	const kindOf = new Map<string, string>(JOB_ROLES.map((r) => [r.id, r.kind]));
	return framework.competencies
		.filter((c) => {
			const kinds = new Set(Object.keys(c.months).map((role) => kindOf.get(role)));
			return AGENCY_KINDS.every((k) => kinds.has(k));
		})
		.map((c) => c.id);
}

/** A borough named in the URL, if it is one: anything else means all of London. */
export function readBorough(url: URL): string | null {
	const b = url.searchParams.get('borough');
	return b && (LONDON_BOROUGHS as readonly string[]).includes(b) ? b : null;
}

type Sum = { people: number; current: number };
const sumOf = (rows: SnapshotRow[]): Sum => rows.reduce((s, r) => ({ people: s.people + r.people, current: s.current + r.current }), { people: 0, current: 0 });
const publish = (s: Sum): PublishedShare => publishShare(s.current, s.people);
const byKind = (rows: SnapshotRow[]) =>
	Object.fromEntries(AGENCY_KINDS.map((kind) => [kind, publish(sumOf(rows.filter((r) => r.kind === kind)))])) as Record<AgencyKind, PublishedShare>;

/**
 * The figures are frozen per published day, so they are kept by the snapshots' stamp, not emptied by every write as
 * db/read-cache.ts would: a day's figures for all of London and for each of the 33 boroughs (34 a day; small: the
 * largest is about 30 KB of numbers).
 */
const keptReport = stampedCachePerConnection<Report>(2 * 34);

/**
 * The snapshots' stamp for `today` (counting the published dates first if need be): the same stamp, the same
 * figures. Read on every request, so a change made by another server process is seen at once.
 */
export const partnershipStamp = (db: Db, today: IsoDate): string => ensurePartnershipSnapshots(db, today);

/**
 * The view for one borough or all of London: the boroughs with figures, a table per borough (competency by agency)
 * as of the published day, and the trend (every agency and each one, summed over the shared competencies).
 * The same for every partnership lead all day: computed once per day, borough and stamp.
 */
export function partnershipReport(db: Db, framework: Framework, today: IsoDate, borough: string | null, competencyIds = sharedCompetencies(framework)) {
	const compute = () => countReport(db, today, borough, competencyIds);
	return keptReport(db, `${today}|${borough}|${competencyIds.join(',')}`, partnershipStamp(db, today), compute);
}

function countReport(db: Db, today: IsoDate, borough: string | null, competencyIds: string[]) {
	const shared = new Set(competencyIds);
	const rows = readCountedSnapshots(db, today).filter((r) => shared.has(r.competencyId));
	const asOf = publishedDay(today);
	const boroughs = [...new Set(rows.filter((r) => r.date === asOf).map((r) => r.borough))].sort();
	const chosen = rows.filter((r) => borough === null || r.borough === borough);
	const latest = chosen.filter((r) => r.date === asOf);
	return {
		asOf,
		boroughs,
		borough,
		tables: boroughs
			.filter((b) => borough === null || b === borough)
			.map((b) => ({
				borough: b,
				competencies: competencyIds.map((competencyId) => ({
					competencyId,
					cells: byKind(latest.filter((r) => r.borough === b && r.competencyId === competencyId))
				}))
			})),
		trend: publishedDates(today).map((date) => {
			const onDate = chosen.filter((r) => r.date === date);
			return { date, all: publish(sumOf(onDate)), ...byKind(onDate) };
		})
	};
}
type Report = ReturnType<typeof countReport>;
export type PartnershipReport = ReturnType<typeof partnershipReport>;
