import { notFound, requireAdmin } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { idParam } from '$lib/server/forms/query';
import { invalid } from '$lib/server/forms/respond';
import { readForm } from '$lib/server/forms/read';
import { getOrganisation, getUnit, updateUnit } from '$lib/server/people/organisations';
import { unitInput } from '$lib/server/people/organisation-validation';
import type { Actions, PageServerLoad } from './$types';

function unitOr404(raw: string) {
	const id = idParam(raw);
	const unit = id ? getUnit(getDb(), id) : undefined;
	if (!unit) notFound();
	return unit;
}

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const unit = unitOr404(event.params.id);
	return { unit, organisation: getOrganisation(getDb(), unit.organisationId)! };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireAdmin(event);
		const unit = unitOr404(event.params.id);
		const parsed = parseForm(unitInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const result = updateUnit(getDb(), user.id, unit.id, parsed.data);
		if (!result.ok) return invalid(result.errors, parsed.values);
		return { saved: true };
	}
};
