import { redirect } from '@sveltejs/kit';
import { notFound, requireUser } from '$lib/server/access/guards';
import { canScheduleSessions } from '$lib/server/access/policy';
import { getFramework } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/forms/read';
import { invalid } from '$lib/server/forms/respond';
import { sessionFormChoices } from '$lib/server/practical/form-choices';
import { createSession } from '$lib/server/practical/schedule';
import { parseSessionForm } from '$lib/server/practical/session-input';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function scheduler(event: RequestEvent) {
	const user = requireUser(event);
	if (!canScheduleSessions(user)) notFound();
	return user;
}

export const load: PageServerLoad = (event) => {
	const user = scheduler(event);
	return { choices: sessionFormChoices(getDb(), getFramework(), user), trainerId: user.id };
};

export const actions: Actions = {
	default: async (event) => {
		const user = scheduler(event);
		const parsed = parseSessionForm(await readForm(event.request), getFramework());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const result = createSession(getDb(), user, parsed.data);
		if (!result.ok)
			return result.forbidden
				? invalid({ organisationId: 'Choose an organisation you run sessions for' }, parsed.values, undefined, { status: 403 })
				: invalid(result.errors, parsed.values);
		redirect(303, `/sessions/${result.id}`);
	}
};
