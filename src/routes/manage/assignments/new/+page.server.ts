import { redirect } from '@sveltejs/kit';
import { notFound, requireManager } from '$lib/server/access/guards';
import { canSeePerson } from '$lib/server/access/policy';
import { assignForm } from '$lib/server/assignments/input';
import { appContent, assignFormChoices, contentExists } from '$lib/server/assignments/page';
import { createAssignment } from '$lib/server/assignments/store';
import { getFramework } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { intParam, textParam } from '$lib/server/forms/query';
import { readForm } from '$lib/server/forms/read';
import { invalid } from '$lib/server/forms/respond';
import { getPerson } from '$lib/server/people/repository';
import type { Actions, PageServerLoad } from './$types';

/** The person named by ?person= (from their record's "Assign training"), when the manager may assign to them. */
function namedPerson(user: ReturnType<typeof requireManager>, id: number | undefined) {
	if (id === undefined) return null;
	const person = getPerson(getDb(), id);
	if (!person || person.id === user.id || person.status !== 'active' || !canSeePerson(user, person)) notFound();
	return { id: person.id, name: person.name };
}

export const load: PageServerLoad = (event) => {
	const user = requireManager(event);
	const person = namedPerson(user, intParam(event.url, 'person'));
	const what = textParam(event.url, 'what', 90);
	return {
		choices: assignFormChoices(getDb(), getFramework(), user, person),
		initial: { to: person ? `person:${person.id}` : '', what: what && /^(module|scenario|competency):[a-z0-9-]+$/.test(what) ? what : '' },
		person
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireManager(event);
		const parsed = parseForm(assignForm, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const content = appContent();
		const result = createAssignment(getDb(), content, user, parsed.data, (w) => contentExists(content.framework, w));
		if (!result.ok) {
			if (result.notFound) notFound();
			return invalid(result.errors, parsed.values);
		}
		redirect(303, `/manage/assignments/${result.id}?made=1`);
	}
};
