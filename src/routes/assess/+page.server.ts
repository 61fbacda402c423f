import { requireTrainer } from '$lib/server/access/guards';
import { trainerScope } from '$lib/server/access/policy';
import { getDb } from '$lib/server/db';
import { intParam, textParam } from '$lib/server/forms/query';
import { searchPeople } from '$lib/server/people/repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireTrainer(event);
	const filter = { q: textParam(event.url, 'q'), status: 'active' as const, page: intParam(event.url, 'page') };
	const result = searchPeople(getDb(), trainerScope(user), filter);
	return { people: { ...result, rows: result.rows.filter((r) => r.id !== user.id) }, filter };
};
