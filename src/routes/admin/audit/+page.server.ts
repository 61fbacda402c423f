import { requireAdmin } from '$lib/server/access/guards';
import { auditFilterChoices, browseAudit } from '$lib/server/audit/browse';
import { auditChainStatus } from '$lib/server/audit/chain-status';
import { chainSummary } from '$lib/server/audit/chain-summary';
import { detailLines, recordHref } from '$lib/server/audit/detail-text';
import { auditFilterParams, readAuditFilter } from '$lib/server/audit/filter-params';
import { formatLondonTime } from '$lib/london-time';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const db = getDb();
	const filter = readAuditFilter(event.url);
	const result = browseAudit(db, filter);
	// Times are written here, in London time, so the page reads the same wherever it is opened.
	return {
		filter,
		filterQuery: auditFilterParams(filter).toString(),
		choices: auditFilterChoices(db),
		entries: {
			total: result.total,
			page: result.page,
			pages: result.pages,
			rows: result.rows.map((r) => ({
				id: r.id,
				iso: r.at.toISOString(),
				when: formatLondonTime(r.at),
				actor: r.actorId === null ? 'system' : (r.actorName ?? `unknown person #${r.actorId}`),
				actorHref: r.actorId === null ? undefined : recordHref('person', r.actorId),
				action: r.action,
				entity: r.entity,
				entityId: r.entityId,
				entityHref: r.entityId === null ? undefined : recordHref(r.entity, r.entityId),
				detail: detailLines(r.detail)
			}))
		},
		chain: chainSummary(auditChainStatus(db))
	};
};
