import { notFound, requireUser } from '$lib/server/access/guards';
import { canManageOrganisation } from '$lib/server/access/policy';
import { getDb } from '$lib/server/db';
import { listOrganisations } from '$lib/server/people/organisations';
import type { PageServerLoad } from './$types';

/** Roster import starts by choosing an organisation: administrators see all, organisation managers their own. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const organisations = listOrganisations(getDb())
		.filter((o) => canManageOrganisation(user, o.id))
		.map((o) => ({ id: o.id, name: o.name, kind: o.kind, activePeople: o.activePeople }));
	if (!organisations.length) notFound();
	return { organisations };
};
