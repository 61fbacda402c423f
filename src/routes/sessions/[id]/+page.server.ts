import { z } from 'zod';
import { notFound, requireUser } from '$lib/server/access/guards';
import { getFramework } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { requiredText } from '$lib/server/forms/fields';
import { parseForm } from '$lib/server/forms/parse';
import { idParam } from '$lib/server/forms/query';
import { readForm } from '$lib/server/forms/read';
import { invalid } from '$lib/server/forms/respond';
import { bookSession, cancelBooking } from '$lib/server/practical/booking';
import { sessionFor, sessionPageData } from '$lib/server/practical/page';
import { cancelSession } from '$lib/server/practical/schedule';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function access(event: RequestEvent) {
	const user = requireUser(event);
	const found = sessionFor(getDb(), user, idParam(event.params.id));
	if (!found) notFound();
	return { user, found };
}

const booker = (user: ReturnType<typeof requireUser>) => ({ ...user, status: 'active' });
const cancelInput = z.object({ reason: requiredText('the reason for cancelling', 500) });

export const load: PageServerLoad = (event) => {
	const { user, found } = access(event);
	return sessionPageData(getDb(), getFramework(), user, found);
};

export const actions: Actions = {
	book: async (event) => {
		const { user, found } = access(event);
		await readForm(event.request);
		const result = bookSession(getDb(), getFramework(), booker(user), found.session.id);
		if (!result.ok) {
			if (result.notFound) notFound();
			return invalid({ form: result.error }, {}, 'book', { status: 409 });
		}
		return { done: result.status === 'booked' ? 'You are booked on this session.' : 'The session is full: you are on the waiting list.' };
	},
	leave: async (event) => {
		const { user, found } = access(event);
		await readForm(event.request);
		const result = cancelBooking(getDb(), getFramework(), booker(user), found.session.id);
		if (!result.ok) return invalid({ form: result.error }, {}, 'leave', { status: 409 });
		return { done: 'Your booking is cancelled.' };
	},
	cancel: async (event) => {
		const { user, found } = access(event);
		if (!found.runs) notFound();
		const parsed = parseForm(cancelInput, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values, 'cancel');
		const result = cancelSession(getDb(), getFramework(), user, found.session.id, parsed.data.reason);
		if (!result.ok) {
			if (result.forbidden) notFound();
			return invalid(result.errors, parsed.values, 'cancel', { status: 409 });
		}
		return { done: 'The session is cancelled, and everyone booked has been told.' };
	}
};
