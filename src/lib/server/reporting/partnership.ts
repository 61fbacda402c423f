import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { cachedRead } from '../db/read-cache';
import { organisations, statusCounts, units } from '../db/schema';
import { ensureAggregates } from './aggregates';
import { JOB_ROLES } from '../../organisation-model';
import type { Framework } from '../competency/framework';
import type { IsoDate } from '../competency/dates';

/** Groups smaller than this are shown as "fewer than 5", so no one can be singled out. */
export const SMALL_NUMBER = 5;
export const AGENCY_KINDS = ['police', 'nhs', 'ambulance'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

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

export type Cell = { suppressed: true } | { suppressed: false; people: number; current: number; share: number };

export function suppress(people: number, current: number): Cell {
	return people < SMALL_NUMBER ? { suppressed: true } : { suppressed: false, people, current, share: current / people };
}

/**
 * For each London borough, agency and shared competency: how many people need it and the share in date.
 * Aggregates only; nothing about any one person leaves this function. Read from status_counts.
 */
export function partnershipByBorough(db: Db, framework: Framework, today: IsoDate, competencyIds = sharedCompetencies(framework)) {
	// The same for every partnership lead: counted once until the next write.
	return cachedRead(db, `partnership|${today}|${competencyIds.join(',')}`, () => byBorough(db, today, competencyIds));
}

function byBorough(db: Db, today: IsoDate, competencyIds: string[]) {
	if (!competencyIds.length) return [];
	ensureAggregates(db, today);
	const rows = db
		.select({
			borough: units.borough,
			kind: organisations.kind,
			competencyId: statusCounts.competencyId,
			people: sql<number>`sum(${statusCounts.required})`,
			current: sql<number>`sum(${statusCounts.required} - ${statusCounts.expired} - ${statusCounts.notAchieved} - ${statusCounts.overdue})`
		})
		.from(statusCounts)
		.innerJoin(units, eq(units.id, statusCounts.unitId))
		.innerJoin(organisations, eq(organisations.id, statusCounts.organisationId))
		.where(
			and(
				sql`${statusCounts.required} > 0`,
				isNotNull(units.borough),
				inArray(statusCounts.competencyId, competencyIds),
				inArray(organisations.kind, [...AGENCY_KINDS])
			)
		)
		.groupBy(units.borough, organisations.kind, statusCounts.competencyId)
		.all();
	const boroughs = [...new Set(rows.map((r) => r.borough!))].sort();
	const byKey = new Map(rows.map((r) => [`${r.borough}|${r.kind}|${r.competencyId}`, r]));
	return boroughs.map((borough) => ({
		borough,
		competencies: competencyIds.map((competencyId) => ({
			competencyId,
			cells: Object.fromEntries(
				AGENCY_KINDS.map((kind) => {
					const r = byKey.get(`${borough}|${kind}|${competencyId}`);
					return [kind, suppress(r?.people ?? 0, r?.current ?? 0)];
				})
			) as Record<AgencyKind, Cell>
		}))
	}));
}
