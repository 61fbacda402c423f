import { requireUser } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { modulesForRole } from '$lib/server/modules/catalogue';
import { moduleStatuses } from '$lib/server/modules/progress';
import { getPerson } from '$lib/server/people/repository';
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
	return { person, modules };
};
