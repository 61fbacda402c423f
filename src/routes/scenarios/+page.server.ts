import { requireUser } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { allScenarios } from '$lib/server/content';
import { scenarioSummary } from '$lib/server/scenarios/presentation/page';
import { scenarioStatuses } from '$lib/server/scenarios/runs-store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const statuses = scenarioStatuses(getDb(), user.id);
	return {
		scenarios: allScenarios().map((def) => ({
			...scenarioSummary(def, user.jobRole),
			status: statuses.get(def.slug) ?? ('not-started' as const)
		}))
	};
};
