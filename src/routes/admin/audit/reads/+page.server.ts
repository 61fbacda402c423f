import { requireAdmin } from '$lib/server/access/guards';
import { ACCESS_ACTIONS, accessActionLabel, browseAccessLog } from '$lib/server/audit/access-log';
import { detailLines } from '$lib/server/audit/detail-text';
import { accessFilterParams, readAccessFilter } from '$lib/server/audit/filter-params';
import { formatLondonTime } from '$lib/london-time';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** The access log: who read whose personal data, and sign-ins the throttle refused. */
export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const filter = readAccessFilter(event.url);
	const result = browseAccessLog(getDb(), filter);
	return {
		filter,
		filterQuery: accessFilterParams(filter).toString(),
		actions: Object.entries(ACCESS_ACTIONS).map(([value, label]) => ({ value, label })),
		entries: {
			total: result.total,
			page: result.page,
			pages: result.pages,
			rows: result.rows.map((r) => ({
				id: r.id,
				iso: r.at.toISOString(),
				when: formatLondonTime(r.at),
				actor: r.actorId === null ? 'nobody signed in' : (r.actorName ?? `unknown person #${r.actorId}`),
				action: accessActionLabel(r.action),
				subject: r.subjectId === null ? null : { id: r.subjectId, name: r.subjectName ?? `unknown person #${r.subjectId}` },
				detail: detailLines(r.detail)
			}))
		}
	};
};
