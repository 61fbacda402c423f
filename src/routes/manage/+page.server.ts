import { requireManager } from '$lib/server/access/guards';
import { isAdmin, managedScope } from '$lib/server/access/policy';
import { getFramework } from '$lib/server/competency/catalogue';
import { competencyMatrix, complianceSummary, complianceTrend, expiringList, shareCurrent } from '$lib/server/competency/compliance';
import { londonToday } from '$lib/server/competency/dates';
import { getDb } from '$lib/server/db';
import { cachedRead } from '$lib/server/db/read-cache';
import { readManageFilters } from '$lib/server/manage/filters';
import { managedUnits } from '$lib/server/manage/scope';
import { serverRendered } from '$lib/server-rendered';
import type { PageServerLoad } from './$types';

// A report: links and GET forms only, nothing a script improves. Served without client-side JavaScript, so the
// page's data is not also serialised into it for hydration (for a whole force, most of the cost of the page).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireManager(event);
	const db = getDb();
	const today = londonToday();
	const filters = readManageFilters(event.url);
	const { scope, units, describe } = managedUnits(db, user);
	const canImport = isAdmin(user) || managedScope(user).organisationIds.length > 0;
	// The same for every manager of the scope until the next write (src/lib/server/db/read-cache.ts).
	const report = cachedRead(db, `manage|${JSON.stringify(scope)}|${today}|${JSON.stringify(filters)}|${canImport}`, () => {
		const framework = getFramework();
		const summary = complianceSummary(db, scope, today);
		const competencies = framework.competencies
			.filter((c) => summary.byCompetency.has(c.id))
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
	// Rendered on the server only: not serialised into the HTML as well (src/lib/server-rendered.ts).
	return { report: serverRendered(event, report) };
};
