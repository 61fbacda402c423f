import { invalid } from '$lib/server/forms/respond';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireUser } from '$lib/server/access/guards';
import { getFramework } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { cleanTextBox } from '$lib/server/forms/fields';
import { parseForm } from '$lib/server/forms/parse';
import { readForm } from '$lib/server/forms/read';
import { publicQuestions, readAnswers } from '$lib/server/modules/grading';
import { completionShown, lastAttemptShown, moduleOr404, moduleSummary, nextStop, sectionToMark } from '$lib/server/modules/page';
import { markSectionRead, moduleState, reflectionsFor, saveReflection, submitAttempt } from '$lib/server/modules/progress';
import { moduleSourcesHtml } from '$lib/server/modules/sources-html';
import { surveyOffer } from '$lib/server/surveys/subject';
import { keptHtml } from '$lib/kept-html';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const module = moduleOr404(event.params.slug);
	const db = getDb();
	const state = moduleState(db, user.id, module);
	return {
		module: moduleSummary(module),
		sourcesHtml: keptHtml(event, moduleSourcesHtml(module)),
		assigned: (module.meta.audience as readonly string[]).includes(user.jobRole),
		questions: publicQuestions(module.quiz),
		read: state.read,
		completion: completionShown(state.completion),
		lastAttempt: lastAttemptShown(module, state.lastAttempt),
		attemptCount: state.attemptCount,
		passedThisCycle: state.passedThisCycle,
		reflections: reflectionsFor(db, user.id, module.slug),
		survey: state.completion ? surveyOffer(db, user.id, 'module', module.slug, state.completion.moduleVersion) : null
	};
};

export const actions: Actions = {
	read: async (event) => {
		const user = requireUser(event);
		const module = moduleOr404(event.params.slug);
		const db = getDb();
		const asked = sectionToMark(module, await readForm(event.request), moduleState(db, user.id, module).completedCycleShown);
		if (!asked.ok) return invalid({ form: asked.message }, {}, 'read', { status: asked.section ? 409 : 400, kept: { section: asked.section } });
		const section = asked.section;
		const { completed } = markSectionRead(db, getFramework(), user.id, module, section);
		if (completed) redirect(303, `/modules/${module.slug}?completed=1#knowledge-check`);
		const read = new Set(moduleState(db, user.id, module).read);
		redirect(303, `/modules/${module.slug}#${nextStop(module, read, section)}`);
	},
	submit: async (event) => {
		const user = requireUser(event);
		const module = moduleOr404(event.params.slug);
		const form = await readForm(event.request);
		const answers = readAnswers(module.quiz, form);
		const chosen = Object.fromEntries(module.quiz.questions.map((q) => [q.id, form.getAll(`q:${q.id}`).map(String)]));
		if (!answers.ok) return invalid(answers.errors, {}, 'submit', { kept: { chosen } });
		const { result, completed } = submitAttempt(getDb(), getFramework(), user.id, module, answers.answers);
		return { result, completed, chosen };
	},
	reflect: async (event) => {
		const user = requireUser(event);
		const module = moduleOr404(event.params.slug);
		const ids = new Set(module.reflections.map((r) => r.id));
		const parsed = parseForm(
			z.object({
				reflectionId: z.string({ error: 'Choose a reflection' }).refine((id) => ids.has(id), 'That reflection is not part of this module'),
				body: z
					.string()
					.max(5000, 'Keep your reflection to 5,000 characters or fewer')
					.refine(cleanTextBox, 'Your reflection must not contain control characters')
			}),
			await readForm(event.request)
		);
		if (!parsed.ok) return invalid(parsed.errors, {}, 'reflect');
		saveReflection(getDb(), user.id, module.slug, parsed.data.reflectionId, parsed.data.body);
		return { savedReflection: parsed.data.reflectionId };
	}
};
