import { requireUser } from '$lib/server/access/guards';
import { moduleOr404, moduleSummary } from '$lib/server/modules/page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
	return { module: moduleSummary(moduleOr404(event.params.slug)) };
};
