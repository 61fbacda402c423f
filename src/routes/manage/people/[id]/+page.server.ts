import { requireCanSee, requireManager } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { idParam } from '$lib/server/forms/query';
import { getPerson } from '$lib/server/people/repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireManager(event);
	const id = idParam(event.params.id);
	const person = id ? getPerson(getDb(), id) : undefined;
	requireCanSee(user, person);
	return { person: person! };
};
