import { requireUser } from '$lib/server/access/guards';
import { moduleOr404, moduleSummary } from '$lib/server/modules/page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
	const module = moduleOr404(event.params.slug);
	return { module: moduleSummary(module), sources: module.meta.sources };
};
