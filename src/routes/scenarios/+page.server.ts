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
		scenarios: allScenarios().map((def) => {
			const s = scenarioSummary(def, user.jobRole);
			return {
				href: `/scenarios/${s.slug}`,
				title: s.title,
				summary: s.summary,
				meta: `About ${s.minutes} minutes · played as: ${s.playedAs}`,
				optional: !s.assigned,
				status: statuses.get(def.slug) ?? ('not-started' as const)
			};
		})
	};
};
