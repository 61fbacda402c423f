import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/access/guards';
import { isManager } from '$lib/server/access/policy';
import { digestFrequency, setDigestFrequency } from '$lib/server/mail/preferences';
import { emailPreferencesInput } from '$lib/server/mail/preferences-input';
import { DUE_SOON_DAYS } from '$lib/server/competency/status-rule';
import { FINAL_REMINDER_DAYS } from '$lib/server/mail/reminders';
import { changeOwnPassword } from '$lib/server/auth/change-password';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { readForm } from '$lib/server/forms/read';
import { getPerson } from '$lib/server/people/repository';
import { passwordChangeInput } from '$lib/server/people/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const person = getPerson(getDb(), user.id)!;
	return { person: { name: person.name, email: person.email }, email: { manager: isManager(user), digest: digestFrequency(getDb(), user.id), dueSoonDays: DUE_SOON_DAYS, finalDays: FINAL_REMINDER_DAYS } };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(passwordChangeInput, await readForm(event.request));
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const result = await changeOwnPassword(getDb(), { personId: user.id, sessionId: event.locals.session!.id, current: parsed.data.current, next: parsed.data.password, address: event.getClientAddress() });
		if (!result.ok) return fail(400, { errors: { [result.field]: result.message } });
		return { changed: true };
	},
	email: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(emailPreferencesInput, await readForm(event.request));
		if (!parsed.ok) return fail(400, { emailErrors: parsed.errors });
		if (!isManager(user)) return fail(400, { emailErrors: { digest: 'Only training managers get the digest.' } });
		setDigestFrequency(getDb(), { personId: user.id, digest: parsed.data.digest, via: 'account' });
		return { emailSaved: true };
	}
};
