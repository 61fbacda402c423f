import { requireUser } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { getPerson } from '$lib/server/people/repository';
import { claimsPage, submitClaimAction } from '$lib/server/prior-learning/page';
import type { Actions, PageServerLoad } from './$types';

/** Learning done elsewhere, recorded by the learner for a manager to approve. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return claimsPage(getDb(), getPerson(getDb(), user.id)!);
};

export const actions: Actions = {
	claim: async (event) => {
		const user = requireUser(event);
		return submitClaimAction(event.request, getDb(), user, getPerson(getDb(), user.id)!);
	}
};
