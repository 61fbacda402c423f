import { requireInsights } from '$lib/server/access/guards';
import { scenarioList } from '$lib/server/insights/page';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) => {
	requireInsights(event);
	return { scenarios: scenarioList() };
};
