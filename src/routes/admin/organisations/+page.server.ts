import { redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { invalid } from '$lib/server/forms/respond';
import { readForm } from '$lib/server/forms/read';
import { createOrganisation, listOrganisations } from '$lib/server/people/organisations';
import { organisationInput } from '$lib/server/people/organisation-validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return { organisations: listOrganisations(getDb()) };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireAdmin(event);
		const parsed = parseForm(organisationInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const result = createOrganisation(getDb(), user.id, parsed.data);
		if (!result.ok) return invalid(result.errors, parsed.values);
		redirect(303, `/admin/organisations/${result.id}`);
	}
};
