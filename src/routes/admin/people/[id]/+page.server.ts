import { requireAdmin } from '$lib/server/access/guards';
import { accountLinkFor, sendAccountLink } from '$lib/server/auth/activation';
import { getDb } from '$lib/server/db';
import { appContent } from '$lib/server/assignments/page';
import { recordAccess } from '$lib/server/audit/access-log';
import { parseForm } from '$lib/server/forms/parse';
import { invalid } from '$lib/server/forms/respond';
import { readForm } from '$lib/server/forms/read';
import { listOrganisations, listUnits } from '$lib/server/people/organisations';
import { personOr404 } from '$lib/server/people/page';
import { grantRole, listGrants, markLeft, reinstate, revokeGrant, updatePerson } from '$lib/server/people/repository';
import { grantInput, markLeftInput, personInput, revokeInput } from '$lib/server/people/validation';
import type { Actions, PageServerLoad } from './$types';

const LINK_SENT = {
	activation: (to: string) => `An activation link has been sent to ${to}. It works once, for 7 days.`,
	reset: (to: string) => `A password reset link has been sent to ${to}. It works once, for an hour; their password stays as it is unless it is used.`,
	sso: (to: string) => `Sign-in instructions have been sent to ${to}: their organisation signs them in, so they need no password.`
};

export const load: PageServerLoad = (event) => {
	const user = requireAdmin(event);
	const db = getDb();
	const person = personOr404(db, event.params.id);
	recordAccess(db, { actorId: user.id, action: 'person-view', subjectId: person.id });
	return { person, accountLink: accountLinkFor(db, person.id), grants: listGrants(db, person.id), organisations: listOrganisations(db), units: listUnits(db) };
};

export const actions: Actions = {
	update: async (event) => {
		const user = requireAdmin(event);
		const person = personOr404(getDb(), event.params.id);
		const parsed = parseForm(personInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values, 'update');
		const result = updatePerson(getDb(), appContent().framework, user.id, person.id, parsed.data);
		if (!result.ok) return invalid(result.errors, parsed.values, 'update');
		return { done: 'Details saved.' };
	},
	markLeft: async (event) => {
		const user = requireAdmin(event);
		const person = personOr404(getDb(), event.params.id);
		const parsed = parseForm(markLeftInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values, 'markLeft');
		const result = markLeft(getDb(), user.id, person.id, parsed.data.leftDate);
		if (!result.ok) return invalid(result.errors, parsed.values, 'markLeft');
		return { done: `${person.name} is marked as left. Their record and history are kept; they can no longer sign in, and their access roles have ended.` };
	},
	reinstate: async (event) => {
		const user = requireAdmin(event);
		const person = personOr404(getDb(), event.params.id);
		const result = reinstate(getDb(), appContent(), user.id, person.id);
		if (!result.ok) return invalid(result.errors, {}, 'reinstate');
		return { done: `${person.name} is active again.` };
	},
	sendLink: (event) => {
		const user = requireAdmin(event);
		const person = personOr404(getDb(), event.params.id);
		const result = sendAccountLink(getDb(), user.id, person.id);
		if (!result.ok) return invalid({ form: result.message }, {}, 'sendLink');
		return { done: LINK_SENT[result.sent](person.email) };
	},
	grant: async (event) => {
		const user = requireAdmin(event);
		const person = personOr404(getDb(), event.params.id);
		const parsed = parseForm(grantInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values, 'grant');
		const result = grantRole(getDb(), user.id, person.id, parsed.data);
		if (!result.ok) return invalid(result.errors, parsed.values, 'grant');
		return { done: 'Access role added.' };
	},
	revoke: async (event) => {
		const user = requireAdmin(event);
		const person = personOr404(getDb(), event.params.id);
		const parsed = parseForm(revokeInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, {}, 'revoke');
		const result = revokeGrant(getDb(), user.id, person.id, parsed.data.grantId);
		if (!result.ok) return invalid(result.errors, {}, 'revoke');
		return { done: 'Access role removed.' };
	}
};
