import { redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access/guards';
import { getFramework } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { invalid } from '$lib/server/forms/respond';
import { readForm } from '$lib/server/forms/read';
import { listOrganisations, listUnits } from '$lib/server/people/organisations';
import { createPerson } from '$lib/server/people/repository';
import { personInput } from '$lib/server/people/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const db = getDb();
	return { organisations: listOrganisations(db), units: listUnits(db) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireAdmin(event);
		const parsed = parseForm(personInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const result = createPerson(getDb(), getFramework(), user.id, parsed.data);
		if (!result.ok) return invalid(result.errors, parsed.values);
		redirect(303, `/admin/people/${result.id}?created=1`);
	}
};
