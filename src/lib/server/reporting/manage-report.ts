import { isAdmin, managedScope, type Principal } from '../access/policy';
import { getFramework } from '../competency/catalogue';
import { competencyMatrix, complianceSummary, complianceTrend, expiringList, shareCurrent } from './compliance';
import type { IsoDate } from '../competency/dates';
import { EXPIRY_WINDOWS } from '../competency/status-rule';
import type { Db } from '../db';
import { cachedRead } from '../db/read-cache';
import type { ManageFilters } from './manage-filters';
import { managedUnits } from './managed-units';

/**
 * Everything the training-compliance dashboard shows for a manager's scope and filters. The same for every manager
 * of the scope, so it is kept until the next write (src/lib/server/db/read-cache.ts).
 */
export function manageReport(db: Db, user: Principal, filters: ManageFilters, today: IsoDate) {
	const { scope, units, describe } = managedUnits(db, user);
	const canImport = isAdmin(user) || managedScope(user).organisationIds.length > 0;
	return cachedRead(db, `manage|${JSON.stringify(scope)}|${today}|${JSON.stringify(filters)}|${canImport}`, () => {
		const summary = complianceSummary(db, scope, today);
		const competencies = getFramework()
			.competencies.filter((c) => summary.byCompetency.has(c.id))
			.map((c) => {
				const counts = summary.byCompetency.get(c.id)!;
				return { id: c.id, title: c.title, short: c.short, ...counts, share: shareCurrent(counts) };
			});
		const groups =
			filters.by === 'unit'
				? units.filter((u) => summary.byUnit.has(u.id)).map((u) => ({ key: String(u.id), label: u.name, counts: summary.byUnit.get(u.id)! }))
				: [...summary.byRole.entries()].map(([role, counts]) => ({ key: role, label: role, counts }));
		return {
			today,
			describe,
			canImport,
			filters,
			expiryWindows: EXPIRY_WINDOWS,
			units: units.map((u) => ({ id: u.id, name: u.name, organisationName: u.organisationName })),
			competencies,
			groups: groups.map((g) => ({
				key: g.key,
				label: g.label,
				shares: Object.fromEntries([...g.counts.entries()].map(([id, c]) => [id, { share: shareCurrent(c), required: c.required }]))
			})),
			expiring: expiringList(db, scope, today, { within: filters.within, page: filters.expiringPage }),
			trend: complianceTrend(db, scope, today),
			matrix: competencyMatrix(db, scope, today, filters.matrix)
		};
	});
}
