import { notFound, requireUser } from '$lib/server/access/guards';
import { canAssess } from '$lib/server/access/policy';
import { getFramework } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { idParam } from '$lib/server/forms/query';
import { readForm } from '$lib/server/forms/read';
import { invalid } from '$lib/server/forms/respond';
import { formatSessionTime } from '$lib/server/practical/london-time';
import { sessionFor } from '$lib/server/practical/page';
import { canTakeRegister, readRegisterForm, registerRows, takeRegister } from '$lib/server/practical/register';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function registerFor(event: RequestEvent) {
	const user = requireUser(event);
	const found = sessionFor(getDb(), user, idParam(event.params.id));
	if (!found || !canTakeRegister(user, found.session)) notFound();
	return { user, session: found.session };
}

export const load: PageServerLoad = (event) => {
	const { user, session } = registerFor(event);
	const rows = registerRows(getDb(), session.id).map((r) => ({
		bookingId: r.bookingId,
		personId: r.id,
		name: r.name,
		attendance: r.attendance,
		outcome: r.outcome,
		notes: r.notes ?? '',
		canSignOff: canAssess(user, r),
		self: r.id === user.id
	}));
	const started = new Date() >= session.startsAt;
	return {
		session: { id: session.id, title: session.title, when: formatSessionTime(session.startsAt, session.endsAt), status: session.status, started },
		rows
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, session } = registerFor(event);
		const form = await readForm(event.request);
		const ids = registerRows(getDb(), session.id).map((r) => r.bookingId);
		const { entries, errors } = readRegisterForm(form, ids);
		// Only the register's own fields go back to the page: any other name (`__proto__` among them) is dropped.
		const fields = ids.flatMap((id) => [`attendance-${id}`, `outcome-${id}`, `notes-${id}`]);
		const values = Object.fromEntries(fields.map((name) => [name, String(form.get(name) ?? '').slice(0, 2000)]));
		if (Object.keys(errors).length) return invalid(errors, values);
		const result = takeRegister(getDb(), getFramework(), user, session.id, entries);
		if (!result.ok) return result.forbidden ? notFound() : invalid(result.errors, values);
		return { saved: result };
	}
};
