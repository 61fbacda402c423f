import { requireManager } from '$lib/server/access/guards';
import { appContent, assignmentSummary } from '$lib/server/assignments/page';
import { progressText } from '$lib/server/assignments/rules';
import { listAssignments } from '$lib/server/assignments/store';
import { getDb } from '$lib/server/db';
import { intParam } from '$lib/server/forms/query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireManager(event);
	const list = listAssignments(getDb(), user, intParam(event.url, 'page') ?? 1);
	return {
		...list,
		rows: list.rows.map((r) => ({ ...assignmentSummary(appContent(), r), progressText: `${progressText(r.progress)}${r.partial ? ' in your units' : ''}` }))
	};
};
