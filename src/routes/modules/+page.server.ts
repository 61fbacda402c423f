import { requireUser } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { allModules } from '$lib/server/content';
import { moduleStatuses } from '$lib/server/modules/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const statuses = moduleStatuses(getDb(), user.id);
	return {
		modules: allModules().map((m) => ({
			href: `/modules/${m.slug}`,
			title: m.meta.title,
			summary: m.meta.summary,
			meta: `About ${m.meta.minutes} minutes`,
			optional: !(m.meta.audience as readonly string[]).includes(user.jobRole),
			status: statuses.get(m.slug)?.status ?? ('not-started' as const)
		}))
	};
};
