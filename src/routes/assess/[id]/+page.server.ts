import { requireTrainer, notFound } from '$lib/server/access/guards';
import { canAssess } from '$lib/server/access/policy';
import { assessmentInput, listAssessments, recordAssessment } from '$lib/server/competency/assessments';
import { getFramework } from '$lib/server/content';
import { londonToday } from '$lib/server/competency/dates';
import { requiredFor } from '$lib/server/competency/framework';
import { learnerOverview } from '$lib/server/competency/learner';
import { contentLookup } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms/parse';
import { idParam } from '$lib/server/forms/query';
import { invalid } from '$lib/server/forms/respond';
import { readForm } from '$lib/server/forms/read';
import { getPerson } from '$lib/server/people/repository';
import type { Principal } from '$lib/server/access/policy';
import type { Actions, PageServerLoad } from './$types';

function assessableOr404(user: Principal, raw: string) {
	const id = idParam(raw);
	const person = id ? getPerson(getDb(), id) : undefined;
	if (!person || !canAssess(user, person)) notFound();
	return person;
}

export const load: PageServerLoad = (event) => {
	const user = requireTrainer(event);
	const person = assessableOr404(user, event.params.id);
	const competencies = requiredFor(getFramework(), person.jobRole).map((r) => ({
		id: r.competency.id,
		title: r.competency.title,
		observed: r.requirements.some((q) => q.kind === 'observed')
	}));
	// What each competency still needs, from the framework and the learner's evidence (as on their own page).
	const needs = learnerOverview(getDb(), getFramework(), person, contentLookup).competencies.map((c) => ({
		id: c.id,
		title: c.title,
		status: c.status,
		needs: c.needs
	}));
	return { person, competencies, needs, assessments: listAssessments(getDb(), person.id), today: londonToday() };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireTrainer(event);
		const person = assessableOr404(user, event.params.id);
		const parsed = parseForm(assessmentInput(getFramework()), await readForm(event.request));
		if (!parsed.ok) return invalid(parsed.errors, parsed.values);
		const result = recordAssessment(getDb(), getFramework(), user, person, parsed.data);
		if (!result.ok) {
			if (result.forbidden) notFound();
			return invalid(result.errors, parsed.values);
		}
		return { recorded: parsed.data.outcome };
	}
};
