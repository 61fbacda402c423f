import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/access/guards';
import { formatLondonTime } from '$lib/server/audit/london-time';
import { changeOwnPassword } from '$lib/server/auth/change-password';
import { endOtherSessions, listPersonSessions } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { readForm } from '$lib/server/forms/read';
import { getPerson } from '$lib/server/people/repository';
import { passwordChangeInput } from '$lib/server/people/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const person = getPerson(getDb(), user.id)!;
	const at = (d: Date) => ({ text: formatLondonTime(d), iso: d.toISOString() });
	const sessions = listPersonSessions(getDb(), user.id, event.locals.session!.id).map((s) => {
		const [created, expires] = [at(s.createdAt), at(s.expiresAt)];
		return { createdAt: created.text, createdIso: created.iso, expiresAt: expires.text, expiresIso: expires.iso, current: s.current };
	});
	return { person: { name: person.name, email: person.email }, sessions };
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
	/** "Sign out everywhere else": every session but this one ends (audited). */
	signOutOthers: async (event) => {
		const user = requireUser(event);
		return { ended: endOtherSessions(getDb(), user.id, event.locals.session!.id) };
	}
};
