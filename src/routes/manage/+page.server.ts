import { requireManager } from '$lib/server/access/guards';
import { londonToday } from '$lib/server/competency/dates';
import { getDb } from '$lib/server/db';
import { intParam, textParam } from '$lib/server/forms/query';
import { manageSummary } from '$lib/server/reporting/manage-report';
import { serverRendered } from '$lib/server-rendered';
import type { PageServerLoad } from './$types';

// A report: links and GET forms only, nothing a script improves. Served without client-side JavaScript, so the
// page's data is not also serialised into it for hydration (for a whole force, most of the cost of the page).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireManager(event);
	const report = manageSummary(getDb(), user, londonToday(), intParam(event.url, 'unit'), textParam(event.url, 'competency', 64));
	// Rendered on the server only: not serialised into the HTML as well (src/lib/server-rendered.ts).
	return { report: serverRendered(event, report) };
};
