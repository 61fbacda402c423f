import { requireAdmin } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { invalid } from '$lib/server/forms/respond';
import { readForm } from '$lib/server/forms/read';
import { getOrganisation, updateUnit } from '$lib/server/people/organisations';
import { unitInput } from '$lib/server/people/organisation-validation';
import { unitOr404 } from '$lib/server/people/page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const unit = unitOr404(getDb(), event.params.id);
	return { unit, organisation: getOrganisation(getDb(), unit.organisationId)! };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireAdmin(event);
		const unit = unitOr404(getDb(), event.params.id);
		const parsed = parseForm(unitInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const result = updateUnit(getDb(), user.id, unit.id, parsed.data);
		if (!result.ok) return invalid(result.errors, parsed.values);
		return { saved: true };
	}
};
