import { requireManager } from '$lib/server/access/guards';
import { peopleScope } from '$lib/server/access/policy';
import { getFramework } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { pendingInScope, QUEUE_LIMIT } from '$lib/server/prior-learning/claims-store';
import { competencyTitle, reviewClaimAction } from '$lib/server/prior-learning/page';
import type { Actions, PageServerLoad } from './$types';

/** Pending prior learning claims of the people a manager may see, oldest first, each decided in place. */
export const load: PageServerLoad = (event) => {
	const user = requireManager(event);
	const { rows, total } = pendingInScope(getDb(), peopleScope(user));
	const framework = getFramework();
	return {
		total,
		limit: QUEUE_LIMIT,
		claims: rows.map((r) => ({
			id: r.id,
			person: r.person,
			competency: competencyTitle(framework, r.competencyId),
			completedOn: r.completedOn,
			provider: r.provider,
			submittedAt: r.submittedAt.toISOString(),
			// No one decides their own claim, or one they recorded (policy.ts canReviewPriorLearning).
			canReview: r.person.id !== user.id && r.submittedBy !== user.id
		}))
	};
};

export const actions: Actions = {
	review: async (event) => reviewClaimAction(event.request, getDb(), requireManager(event))
};
