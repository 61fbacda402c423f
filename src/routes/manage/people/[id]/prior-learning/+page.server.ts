import { getDb } from '$lib/server/db';
import { claimsPage, submitClaimAction } from '$lib/server/prior-learning/page';
import { personForManager } from '$lib/server/reporting/managed-person';
import type { Actions, PageServerLoad } from './$types';

/** A manager records prior learning for a person in their scope; another manager decides it. */
export const load: PageServerLoad = (event) => {
	const { person } = personForManager(event);
	return { person: { id: person.id, name: person.name, unitName: person.unitName, status: person.status }, ...claimsPage(getDb(), person) };
};

export const actions: Actions = {
	claim: async (event) => {
		const { user, person } = personForManager(event);
		return submitClaimAction(event.request, getDb(), user, person);
	}
};
