import { invalid } from '$lib/server/forms/respond';
import { z } from 'zod';
import { canManageOrganisation } from '$lib/server/access/policy';
import { getFramework } from '$lib/server/content';
import { londonToday } from '$lib/server/competency/dates';
import { voidEvidence } from '$lib/server/competency/ledger';
import { getDb } from '$lib/server/db';
import { id, requiredText } from '$lib/server/forms/fields';
import { parseForm } from '$lib/server/forms/parse';
import { readForm } from '$lib/server/forms/read';
import { managedRecord, personForManager } from '$lib/server/reporting/managed-person';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, person, record } = managedRecord(event, 'record-view');
	return {
		person,
		record,
		today: londonToday(),
		canVoid: person.id !== user.id && canManageOrganisation(user, person.organisationId),
		canAssign: person.id !== user.id && person.status === 'active'
	};
};

export const actions: Actions = {
	void: async (event) => {
		const { user, person } = personForManager(event);
		if (person.id === user.id || !canManageOrganisation(user, person.organisationId))
			return invalid({ form: 'Only an administrator or a manager of this organisation can correct this record, and never their own.' }, {}, 'void', {
				status: 403
			});
		const parsed = parseForm(
			z.object({ evidenceId: id('the evidence to void'), reason: requiredText('the reason for the correction', 500) }),
			await readForm(event.request)
		);
		if (!parsed.ok) return invalid(parsed.errors, parsed.values, 'void');
		const result = voidEvidence(getDb(), getFramework(), {
			evidenceId: parsed.data.evidenceId,
			personId: person.id,
			reason: parsed.data.reason,
			actorId: user.id
		});
		if (!result.ok) return invalid({ form: result.message }, parsed.values, 'void');
		return { voided: parsed.data.evidenceId };
	}
};
