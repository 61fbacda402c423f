import { requireInsights } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { surveyOverview } from '$lib/server/surveys/insight';
import type { PageServerLoad } from './$types';

// A report of links: nothing a script improves.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const { scope } = requireInsights(event);
	return surveyOverview(getDb(), scope);
};
