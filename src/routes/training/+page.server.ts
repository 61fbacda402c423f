import { requireUser } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { getPerson } from '$lib/server/people/repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const person = getPerson(getDb(), user.id)!;
	return { person };
};
