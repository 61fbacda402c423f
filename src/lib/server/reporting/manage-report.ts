import { isAdmin, managedScope, type Principal } from '../access/policy';
import { getFramework } from '../content';
import { competencyMatrix, complianceSummary, complianceTrend, expiringList, shareCurrent, type Counts } from './compliance';
import type { IsoDate } from '../competency/dates';
import { EXPIRY_WINDOWS } from '../competency/status-rule';
import type { Db } from '../db';
import type { ManageFilters } from './manage-filters';
import { managedUnits } from './managed-units';
import { practicalCompetencies } from '../practical/lists';

/**
 * The training-compliance dashboard, a summary at /manage and one sub-page per view (by competency, by unit or
 * role, people, expired, due). Each reads only what its page shows, from the incremental aggregates where it counts
 * (reporting/aggregates.ts); the queries underneath keep their results until the next write (db/read-cache.ts).
 */
function context(db: Db, user: Principal, today: IsoDate) {
	const { scope, units, describe } = managedUnits(db, user);
	const canImport = isAdmin(user) || managedScope(user).organisationIds.length > 0;
	const summary = complianceSummary(db, scope, today);
	const competencies = getFramework()
		.competencies.filter((c) => summary.byCompetency.has(c.id))
		.map((c) => {
			const counts = summary.byCompetency.get(c.id)!;
			return { id: c.id, title: c.title, short: c.short, ...counts, share: shareCurrent(counts) };
		});
	return {
		scope,
		summary,
		page: {
			today,
			describe,
			canImport,
			units: units.map((u) => ({ id: u.id, name: u.name, organisationName: u.organisationName })),
			competencies
		}
	};
}

/** The one-screen summary: totals, and the 12-month chart for the scope or one of its units, for all competencies or one. */
export function manageSummary(db: Db, user: Principal, today: IsoDate, unitId: number | undefined, competencyId?: string) {
	const { scope, page, summary } = context(db, user, today);
	const unit = page.units.find((u) => u.id === unitId);
	// Only a competency someone in scope needs; anything else shows them all.
	const competency = page.competencies.find((c) => c.id === competencyId);
	const totals: Counts = { required: 0, current: 0, dueSoon: 0, expired: 0, overdue: 0, notAchieved: 0 };
	for (const c of summary.byCompetency.values()) for (const k of Object.keys(totals) as (keyof Counts)[]) totals[k] += c[k];
	// A unit the manager covers narrows the chart; anything else shows the whole scope.
	const trendScope = unit ? { kind: 'scoped' as const, organisationIds: [], unitIds: [unit.id] } : scope;
	return {
		...page,
		totals,
		share: shareCurrent(totals),
		chartUnit: unit ?? null,
		chartCompetency: competency ? { id: competency.id, title: competency.title } : null,
		trend: complianceTrend(db, trendScope, today, competency?.id)
	};
}

export function manageCompetencies(db: Db, user: Principal, today: IsoDate) {
	return context(db, user, today).page;
}

export function manageGroups(db: Db, user: Principal, today: IsoDate, by: ManageFilters['by']) {
	const { page, summary } = context(db, user, today);
	const groups =
		by === 'unit'
			? page.units.filter((u) => summary.byUnit.has(u.id)).map((u) => ({ key: String(u.id), label: u.name, counts: summary.byUnit.get(u.id)! }))
			: [...summary.byRole.entries()].map(([role, counts]) => ({ key: role, label: role, counts }));
	return {
		...page,
		by,
		groups: groups.map((g) => ({
			key: g.key,
			label: g.label,
			shares: Object.fromEntries([...g.counts.entries()].map(([id, c]) => [id, { share: shareCurrent(c), required: c.required }]))
		}))
	};
}

export function manageMatrix(db: Db, user: Principal, today: IsoDate, filters: ManageFilters) {
	const { scope, page } = context(db, user, today);
	// The competencies with a practical part, for the filter by practical session.
	const practical = practicalCompetencies(getFramework()).map((id) => ({ id, title: getFramework().byId.get(id)?.title ?? id }));
	return { ...page, filters, practical, matrix: competencyMatrix(db, scope, today, filters.matrix) };
}

/** Expired (longest lapsed first) or due within the window (soonest first), kept apart. */
export function manageExpiring(db: Db, user: Principal, today: IsoDate, only: 'expired' | 'due', filters: ManageFilters) {
	const { scope, page } = context(db, user, today);
	return {
		...page,
		only,
		within: filters.within,
		expiryWindows: EXPIRY_WINDOWS,
		expiring: expiringList(db, scope, today, { within: filters.within, page: filters.expiringPage, only })
	};
}
