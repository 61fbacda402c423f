import { notFound, requireCanSee, requireUser } from '$lib/server/access/guards';
import { canReviewPriorLearning, isAdmin, isManager } from '$lib/server/access/policy';
import { getDb } from '$lib/server/db';
import { idParam } from '$lib/server/forms/query';
import { claimById } from '$lib/server/prior-learning/claims-store';
import { claimDetail, reviewClaimAction } from '$lib/server/prior-learning/page';
import type { Actions, PageServerLoad } from './$types';

/** One claim: for the person it is for, and for those who may see them; a manager in scope decides it here. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const id = idParam(event.params.id);
	const claim = id ? claimById(getDb(), id) : undefined;
	requireCanSee(user, claim?.person);
	const c = claim!;
	return {
		claim: claimDetail(c),
		canReview: c.status === 'pending' && canReviewPriorLearning(user, c.person, c.submittedBy),
		managerView: c.person.id !== user.id && (isAdmin(user) || isManager(user))
	};
};

export const actions: Actions = {
	review: async (event) => {
		const user = requireUser(event);
		if (!idParam(event.params.id)) notFound();
		return reviewClaimAction(event.request, getDb(), user, idParam(event.params.id));
	}
};
