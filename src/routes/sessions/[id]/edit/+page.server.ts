import { redirect } from '@sveltejs/kit';
import { notFound, requireUser } from '$lib/server/access/guards';
import { getFramework } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { idParam } from '$lib/server/forms/query';
import { readForm } from '$lib/server/forms/read';
import { invalid } from '$lib/server/forms/respond';
import { sessionFormChoices, sessionFormValues } from '$lib/server/practical/form-choices';
import { sessionFor } from '$lib/server/practical/page';
import { updateSession } from '$lib/server/practical/schedule';
import { parseSessionForm } from '$lib/server/practical/session-input';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function runner(event: RequestEvent) {
	const user = requireUser(event);
	const found = sessionFor(getDb(), user, idParam(event.params.id));
	if (!found?.runs) notFound();
	return { user, session: found.session };
}

export const load: PageServerLoad = (event) => {
	const { user, session } = runner(event);
	return { choices: sessionFormChoices(getDb(), getFramework(), user), values: sessionFormValues(session), id: session.id, title: session.title };
};

export const actions: Actions = {
	default: async (event) => {
		const { user, session } = runner(event);
		const parsed = parseSessionForm(await readForm(event.request), getFramework());
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const result = updateSession(getDb(), getFramework(), user, session.id, parsed.data);
		if (!result.ok) return result.forbidden ? notFound() : invalid(result.errors, parsed.values);
		redirect(303, `/sessions/${session.id}`);
	}
};
