import { requireUser } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { modulesForRole } from '$lib/server/modules/catalogue';
import { moduleStatuses } from '$lib/server/modules/progress';
import { getPerson } from '$lib/server/people/repository';
import { scenariosForRole } from '$lib/server/scenarios/catalogue';
import { scenarioStatuses } from '$lib/server/scenarios/runs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const person = getPerson(db, user.id)!;
	const statuses = moduleStatuses(db, user.id);
	const modules = modulesForRole(user.jobRole).map((m) => ({
		href: `/modules/${m.slug}`,
		title: m.meta.title,
		meta: `About ${m.meta.minutes} minutes`,
		status: statuses.get(m.slug)?.status ?? ('not-started' as const)
	}));
	const scenarioStatus = scenarioStatuses(db, user.id);
	const scenarios = scenariosForRole(user.jobRole).map((s) => ({
		href: `/scenarios/${s.slug}`,
		title: s.meta.title,
		meta: `About ${s.meta.minutes} minutes`,
		status: scenarioStatus.get(s.slug) ?? ('not-started' as const)
	}));
	return { person, modules, scenarios };
};
