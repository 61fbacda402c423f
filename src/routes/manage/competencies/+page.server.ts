import { requireManager } from '$lib/server/access/guards';
import { londonToday } from '$lib/server/competency/dates';
import { getDb } from '$lib/server/db';
import { manageCompetencies } from '$lib/server/reporting/manage-report';
import { serverRendered } from '$lib/server-rendered';
import type { PageServerLoad } from './$types';

// A report served without client-side JavaScript (see /manage).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireManager(event);
	return { report: serverRendered(event, manageCompetencies(getDb(), user, londonToday())) };
};
