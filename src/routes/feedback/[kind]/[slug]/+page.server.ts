import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { invalid } from '$lib/server/forms/respond';
import { readForm } from '$lib/server/forms/read';
import { readAnswer } from '$lib/server/surveys/answer-form';
import { hasAnswered, saveAnswer, versionToRate } from '$lib/server/surveys/store';
import { surveyHref, surveySubjectOr404 } from '$lib/server/surveys/subject';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const subject = surveySubjectOr404(event.params.kind, event.params.slug);
	const db = getDb();
	const version = versionToRate(db, user.id, subject.kind, subject.slug);
	const answered = version !== null && hasAnswered(db, user.id, { ...subject, version });
	return { subject, version, answered, thanks: answered && event.url.searchParams.has('thanks') };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const subject = surveySubjectOr404(event.params.kind, event.params.slug);
		const db = getDb();
		const version = versionToRate(db, user.id, subject.kind, subject.slug);
		const form = await readForm(event.request);
		if (version === null)
			return invalid({ form: `You can tell us what you thought once you have finished this ${subject.kind}.` }, {}, 'answer', { status: 409 });
		const answer = readAnswer(subject.definition, form);
		if (!answer.ok) return invalid(answer.errors, answer.values, 'answer');
		if (saveAnswer(db, user, { kind: subject.kind, slug: subject.slug, version }, answer.data) === 'already') {
			const message = `You have already told us what you thought of version ${version} of this ${subject.kind}, so we have not recorded this answer. Thank you: you can give your view again when a new version comes out.`;
			return invalid({ form: message }, {}, 'answer', { status: 409 });
		}
		redirect(303, `${surveyHref(subject.kind, subject.slug)}?thanks`);
	}
};
