import { requireCanSee, requireUser } from '$lib/server/access/guards';
import { canReviewPriorLearning, isAdmin, isManager, type Principal } from '$lib/server/access/policy';
import { getDb } from '$lib/server/db';
import { idParam } from '$lib/server/forms/query';
import { invalid } from '$lib/server/forms/respond';
import { claimById } from '$lib/server/prior-learning/claims-store';
import { claimDetail, reviewClaimAction } from '$lib/server/prior-learning/page';
import type { Actions, PageServerLoad } from './$types';

/** The claim, for the person it is for and those who may see them; 404 for anyone else. */
function visibleClaim(user: Principal, raw: string) {
	const id = idParam(raw);
	const claim = id ? claimById(getDb(), id) : undefined;
	requireCanSee(user, claim?.person);
	return claim!;
}

/** One claim: for the person it is for, and for those who may see them; a manager in scope decides it here. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const c = visibleClaim(user, event.params.id);
	return {
		claim: claimDetail(c),
		canReview: c.status === 'pending' && canReviewPriorLearning(user, c.person, c.submittedBy),
		managerView: c.person.id !== user.id && (isAdmin(user) || isManager(user))
	};
};

export const actions: Actions = {
	review: async (event) => {
		const user = requireUser(event);
		const claim = visibleClaim(user, event.params.id);
		if (!canReviewPriorLearning(user, claim.person, claim.submittedBy))
			return invalid({ form: 'Only a manager of this person, other than the one who recorded it, can decide this claim.' }, {}, `review-${claim.id}`, {
				status: 403
			});
		return reviewClaimAction(event.request, getDb(), user, claim.id);
	}
};
