import { requireManager } from '$lib/server/access/guards';
import { peopleScope } from '$lib/server/access/policy';
import { getFramework } from '$lib/server/content';
import { expiringList } from '$lib/server/reporting/compliance';
import { londonToday } from '$lib/server/competency/dates';
import { csvResponse, toCsv } from '$lib/server/csv';
import { getDb } from '$lib/server/db';
import { recordAccess } from '$lib/server/audit/access-log';
import { readManageFilters } from '$lib/server/reporting/manage-filters';
import { enumParam } from '$lib/server/forms/query';
import { COMPETENCY_STATUS } from '$lib/competency-status';
import { jobRoleLabel } from '$lib/organisation-model';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const user = requireManager(event);
	const today = londonToday();
	const { within } = readManageFilters(event.url);
	const only = enumParam(event.url, 'only', ['expired', 'due'] as const);
	const titles = new Map<string, string>(getFramework().competencies.map((c) => [c.id, c.title]));
	const { rows } = expiringList(getDb(), peopleScope(user), today, { within, page: 1, pageSize: 1_000_000, only });
	recordAccess(getDb(), { actorId: user.id, action: 'export-expiring-csv', detail: { within, rows: rows.length } });
	const body = toCsv(
		['workforce_id', 'name', 'job_role', 'unit', 'competency', 'expires_on', 'status'],
		rows.map((r) => [
			r.workforceId,
			r.name,
			jobRoleLabel(r.jobRole),
			r.unitName,
			titles.get(r.competencyId) ?? r.competencyId,
			r.expiresOn,
			COMPETENCY_STATUS[r.status].label
		])
	);
	const name = only === 'expired' ? 'expired' : only === 'due' ? `due-within-${within}-days` : `expired-or-due-within-${within}-days`;
	return csvResponse(`${name}-${today}.csv`, body);
};
