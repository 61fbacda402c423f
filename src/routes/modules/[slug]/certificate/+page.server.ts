import { requireUser, notFound } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { moduleOr404 } from '$lib/server/modules/page';
import { moduleState } from '$lib/server/modules/progress';
import { getPerson } from '$lib/server/people/repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const module = moduleOr404(event.params.slug);
	const db = getDb();
	const { completion } = moduleState(db, user.id, module);
	if (!completion) notFound();
	const person = getPerson(db, user.id)!;
	return {
		certificate: {
			reference: `CCA-${String(completion.id).padStart(6, '0')}`,
			name: person.name,
			organisation: person.organisationName,
			workforceId: person.workforceId,
			title: module.meta.title,
			slug: module.slug,
			version: completion.moduleVersion,
			score: completion.score,
			minutes: module.meta.minutes,
			completedAt: completion.completedAt
		}
	};
};
