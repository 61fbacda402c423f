import { requireUser } from '$lib/server/access/guards';
import { isManager } from '$lib/server/access/policy';
import { formatLondonTime } from '$lib/london-time';
import { changeOwnPassword } from '$lib/server/auth/change-password';
import { endOtherSessions, listPersonSessions } from '$lib/server/auth/session';
import { DUE_SOON_DAYS } from '$lib/server/competency/status-rule';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { readForm } from '$lib/server/forms/read';
import { invalid } from '$lib/server/forms/respond';
import { digestFrequency, setDigestFrequency } from '$lib/server/mail/preferences';
import { emailPreferencesInput } from '$lib/server/mail/preferences-input';
import { FINAL_REMINDER_DAYS } from '$lib/server/mail/reminders';
import { getPerson } from '$lib/server/people/repository';
import { passwordChangeInput } from '$lib/server/people/validation';
import { isSsoOnly } from '$lib/server/sso/providers';
import type { Actions, PageServerLoad } from './$types';

const at = (d: Date) => ({ text: formatLondonTime(d), iso: d.toISOString() });

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const person = getPerson(db, user.id)!;
	const sessions = listPersonSessions(db, user.id, event.locals.session!.id).map((s) => {
		const [created, expires] = [at(s.createdAt), at(s.expiresAt)];
		return { createdAt: created.text, createdIso: created.iso, expiresAt: expires.text, expiresIso: expires.iso, current: s.current };
	});
	const email = { manager: isManager(user), digest: digestFrequency(db, user.id), dueSoonDays: DUE_SOON_DAYS, finalDays: FINAL_REMINDER_DAYS };
	const signIn = isSsoOnly(db, person.organisationId) ? { organisation: person.organisationName } : null;
	return { person: { name: person.name, email: person.email }, ssoOnly: signIn, email, sessions };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(passwordChangeInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, {}, 'password');
		const result = await changeOwnPassword(getDb(), {
			personId: user.id,
			sessionId: event.locals.session!.id,
			current: parsed.data.current,
			next: parsed.data.password,
			address: event.getClientAddress()
		});
		if (!result.ok) return invalid({ [result.field]: result.message }, {}, 'password');
		return { changed: true };
	},
	email: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(emailPreferencesInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values, 'email');
		if (!isManager(user)) return invalid({ digest: 'Only training managers get the digest.' }, parsed.values, 'email');
		setDigestFrequency(getDb(), { personId: user.id, digest: parsed.data.digest, via: 'account' });
		return { emailSaved: true };
	},
	/** "Sign out everywhere else": every session but this one ends (audited). */
	signOutOthers: async (event) => {
		const user = requireUser(event);
		return { ended: endOtherSessions(getDb(), user.id, event.locals.session!.id) };
	}
};
