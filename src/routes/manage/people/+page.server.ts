import { requireManager } from '$lib/server/access/guards';
import { peopleScope } from '$lib/server/access/policy';
import { getDb } from '$lib/server/db';
import { enumParam, intParam, textParam } from '$lib/server/forms/query';
import { managedUnits } from '$lib/server/reporting/managed-units';
import { searchPeople } from '$lib/server/people/repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireManager(event);
	const db = getDb();
	const scope = peopleScope(user);
	const filter = {
		q: textParam(event.url, 'q'),
		unitId: intParam(event.url, 'unit'),
		status: enumParam(event.url, 'status', ['active', 'left'] as const) ?? 'active',
		page: intParam(event.url, 'page')
	};
	const { units } = managedUnits(db, user);
	return { people: searchPeople(db, scope, filter), filter, units };
};
