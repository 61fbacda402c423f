import { requireAdmin } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { enumParam, intParam, textParam } from '$lib/server/forms/query';
import { listOrganisations } from '$lib/server/people/organisations';
import { searchPeople } from '$lib/server/people/repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const db = getDb();
	const filter = {
		q: textParam(event.url, 'q'),
		organisationId: intParam(event.url, 'organisation'),
		unitId: intParam(event.url, 'unit'),
		status: enumParam(event.url, 'status', ['active', 'left'] as const),
		page: intParam(event.url, 'page')
	};
	return { people: searchPeople(db, { kind: 'all' }, filter), filter, organisations: listOrganisations(db) };
};
