import { notFound, requireInsights } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { DISCLOSURE, filterChoices, scenarioInsight } from '$lib/server/insights/page';
import { serverRendered } from '$lib/server-rendered';
import type { PageServerLoad } from './$types';

// A report: links and GET forms only (see /manage).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const { scope } = requireInsights(event);
	const db = getDb();
	const insight = scenarioInsight(db, scope, event.params.id, event.url) ?? notFound();
	return { report: serverRendered(event, { ...insight, choices: filterChoices(db, scope), disclosure: DISCLOSURE }) };
};
