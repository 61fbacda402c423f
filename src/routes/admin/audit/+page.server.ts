import { requireAdmin } from '$lib/server/access/guards';
import { auditFilterChoices, browseAudit } from '$lib/server/audit/browse';
import { auditChainStatus } from '$lib/server/audit/chain-status';
import { chainSummary } from '$lib/server/audit/chain-summary';
import { auditEntryView, logPage } from '$lib/server/audit/entry-view';
import { auditFilterParams, readAuditFilter } from '$lib/server/audit/filter-params';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const db = getDb();
	const filter = readAuditFilter(event.url);
	return {
		filter,
		filterQuery: auditFilterParams(filter).toString(),
		choices: auditFilterChoices(db),
		entries: logPage(browseAudit(db, filter), auditEntryView),
		chain: chainSummary(auditChainStatus(db))
	};
};
