import { requireAdmin } from '$lib/server/access/guards';
import { ACCESS_ACTIONS, browseAccessLog } from '$lib/server/audit/access-log';
import { accessEntryView, logPage } from '$lib/server/audit/entry-view';
import { accessFilterParams, readAccessFilter } from '$lib/server/audit/filter-params';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** The access log: who read whose personal data, and sign-ins the throttle refused. */
export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const filter = readAccessFilter(event.url);
	return {
		filter,
		filterQuery: accessFilterParams(filter).toString(),
		actions: Object.entries(ACCESS_ACTIONS).map(([value, label]) => ({ value, label })),
		entries: logPage(browseAccessLog(getDb(), filter), accessEntryView)
	};
};
