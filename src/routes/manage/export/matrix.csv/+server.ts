import { requireManager } from '$lib/server/access/guards';
import { peopleScope } from '$lib/server/access/policy';
import { getFramework } from '$lib/server/content';
import { competencyMatrix } from '$lib/server/reporting/compliance';
import { londonToday } from '$lib/server/competency/dates';
import { csvResponse, toCsv } from '$lib/server/csv';
import { getDb } from '$lib/server/db';
import { recordAccess } from '$lib/server/audit/access-log';
import { readManageFilters } from '$lib/server/reporting/manage-filters';
import { COMPETENCY_STATUS } from '$lib/competency-status';
import { jobRoleLabel } from '$lib/organisation-model';
import type { RequestHandler } from './$types';

/** The whole matrix with the dashboard's filters, every page: one row per person, status, expiry and due date per competency. */
export const GET: RequestHandler = (event) => {
	const user = requireManager(event);
	const today = londonToday();
	const { matrix } = readManageFilters(event.url);
	const competencies = getFramework().competencies;
	const { rows } = competencyMatrix(getDb(), peopleScope(user), today, { ...matrix, page: 1, pageSize: 1_000_000 });
	recordAccess(getDb(), { actorId: user.id, action: 'export-matrix-csv', detail: { filters: event.url.search.slice(1, 500), rows: rows.length } });
	const body = toCsv(
		['workforce_id', 'name', 'job_role', 'unit', ...competencies.flatMap((c) => [`${c.id} status`, `${c.id} expires_on`, `${c.id} due_by`])],
		rows.map((r) => [
			r.workforceId,
			r.name,
			jobRoleLabel(r.jobRole),
			r.unitName,
			...competencies.flatMap((c) => {
				const s = r.statuses[c.id];
				return s ? [COMPETENCY_STATUS[s.status].label, s.expiresOn ?? '', s.dueOn ?? ''] : ['Not needed', '', ''];
			})
		])
	);
	return csvResponse(`competency-matrix-${today}.csv`, body);
};
