import { redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { invalid } from '$lib/server/forms/respond';
import { readForm } from '$lib/server/forms/read';
import { createUnit, listUnits, updateOrganisation } from '$lib/server/people/organisations';
import { organisationInput, unitInput } from '$lib/server/people/organisation-validation';
import { removeSsoForm, saveSsoForm, ssoAdminView } from '$lib/server/sso/admin-form';
import { organisationOr404 } from '$lib/server/people/page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const organisation = organisationOr404(getDb(), event.params.id);
	return { organisation, units: listUnits(getDb(), organisation.id), sso: ssoAdminView(getDb(), organisation.id, event.url) };
};

export const actions: Actions = {
	update: async (event) => {
		const user = requireAdmin(event);
		const organisation = organisationOr404(getDb(), event.params.id);
		const parsed = parseForm(organisationInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values, 'update');
		const result = updateOrganisation(getDb(), user.id, organisation.id, parsed.data);
		if (!result.ok) return invalid(result.errors, parsed.values, 'update');
		return { saved: 'organisation' };
	},
	createUnit: async (event) => {
		const user = requireAdmin(event);
		const organisation = organisationOr404(getDb(), event.params.id);
		const parsed = parseForm(unitInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values, 'createUnit');
		const result = createUnit(getDb(), user.id, organisation.id, parsed.data);
		if (!result.ok) return invalid(result.errors, parsed.values, 'createUnit');
		redirect(303, `/admin/organisations/${organisation.id}?added=${result.id}`);
	},
	// Guards first (left to right), then the form: single sign-on lives in src/lib/server/sso/admin-form.ts.
	saveSso: async (event) => saveSsoForm(getDb(), requireAdmin(event).id, organisationOr404(getDb(), event.params.id).id, await readForm(event.request)),
	removeSso: (event) => removeSsoForm(getDb(), requireAdmin(event).id, organisationOr404(getDb(), event.params.id).id)
};
