import { notFound, requireManager } from '$lib/server/access/guards';
import { cancelForm, extendForm } from '$lib/server/assignments/input';
import { appContent, assignmentSummary } from '$lib/server/assignments/page';
import { ASSIGNEE_STATE_LABEL, NO_PROGRESS, progressText } from '$lib/server/assignments/rules';
import { assigneesOf, assignmentFor, cancelAssignment, extendAssignment, progressFor } from '$lib/server/assignments/store';
import { londonToday } from '$lib/server/competency/dates';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { idParam } from '$lib/server/forms/query';
import { readForm } from '$lib/server/forms/read';
import { invalid } from '$lib/server/forms/respond';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function access(event: RequestEvent) {
	const user = requireManager(event);
	const id = idParam(event.params.id);
	const assignment = id === undefined ? undefined : assignmentFor(getDb(), user, id);
	if (!assignment) notFound();
	return { user, assignment };
}

export const load: PageServerLoad = (event) => {
	const { user, assignment } = access(event);
	const today = londonToday();
	const { people, hidden } = assigneesOf(getDb(), user, assignment, today);
	const progress = progressFor(getDb(), user, [assignment], today).get(assignment.id) ?? NO_PROGRESS;
	return {
		assignment: assignmentSummary(appContent(), assignment),
		progress: progressText(progress),
		people: people.map((p) => ({ ...p, stateLabel: ASSIGNEE_STATE_LABEL[p.state] })),
		hidden,
		made: event.url.searchParams.has('made')
	};
};

export const actions: Actions = {
	extend: async (event) => {
		const { user, assignment } = access(event);
		const parsed = parseForm(extendForm, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values, 'extend');
		const result = extendAssignment(getDb(), appContent(), user, assignment.id, parsed.data);
		if (!result.ok) return result.notFound ? notFound() : invalid(result.errors, parsed.values, 'extend', { status: 'form' in result.errors ? 409 : 400 });
		return { done: 'The due date is extended, and everyone it applies to has been told.' };
	},
	cancel: async (event) => {
		const { user, assignment } = access(event);
		const parsed = parseForm(cancelForm, await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values, 'cancel');
		const result = cancelAssignment(getDb(), appContent(), user, assignment.id, parsed.data.cancelReason);
		if (!result.ok) return result.notFound ? notFound() : invalid(result.errors, parsed.values, 'cancel', { status: 409 });
		return { done: 'The assignment is cancelled, and everyone who had not yet done it has been told.' };
	}
};
