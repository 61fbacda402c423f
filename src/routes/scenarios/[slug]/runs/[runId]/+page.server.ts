import { invalid } from '$lib/server/forms/respond';
import { redirect } from '@sveltejs/kit';
import { notFound, requireUser } from '$lib/server/access/guards';
import { getFramework } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/forms/read';
import { debriefPath, decisionDeadline, runIdOr404, runPath, scenarioOr404 } from '$lib/server/scenarios/presentation/page';
import { getRun, openRun, takeStep } from '$lib/server/scenarios/runs-store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const def = scenarioOr404(event.params.slug);
	const runId = runIdOr404(event.params.runId);
	const opened = openRun(getDb(), user.id, def, runId);
	if (!opened) notFound();
	if (opened.kind === 'finished') redirect(303, debriefPath(def.slug, runId));

	const { run, view, last } = opened;
	const lastState = last ? def.stateById.get(last.fromState) : undefined;
	return {
		scenario: { slug: def.slug, title: def.meta.title },
		runId,
		step: run.step,
		narrative: view.narrative,
		choices: view.choices,
		deadline: decisionDeadline(view.deadlineSeconds, run),
		last: last
			? {
					chose: lastState?.choices.find((choice) => choice.event === last.event)?.label ?? last.event,
					feedback: last.feedback,
					late: last.late
				}
			: null,
		earlierRunClosed: event.url.searchParams.has('earlier-run-closed')
	};
};

export const actions: Actions = {
	choose: async (event) => {
		const user = requireUser(event);
		const def = scenarioOr404(event.params.slug);
		const runId = runIdOr404(event.params.runId);
		// Someone else's run is not found, whatever the form says: check ownership before reading it.
		const owned = getRun(getDb(), user.id, runId);
		if (!owned || owned.scenarioSlug !== def.slug) notFound();
		const form = await readForm(event.request);
		const step = form.get('step');
		const chosen = form.get('event');
		if (typeof step !== 'string' || !/^\d{1,6}$/.test(step)) {
			return invalid({ form: 'This page was out of date, so nothing was recorded. Here is where you are now.' });
		}
		if (typeof chosen !== 'string' || chosen.trim() === '') {
			return invalid({ form: 'Choose what you will do, then select “Make this choice”.' });
		}

		const result = takeStep(getDb(), getFramework(), user.id, def, { runId, event: chosen, step: Number(step) });
		if (!result.ok) {
			if (result.reason === 'not-found') notFound();
			// The load sends an ended run on to its debrief.
			if (result.reason === 'finished' || result.reason === 'abandoned') redirect(303, debriefPath(def.slug, runId));
			return invalid({ form: result.message });
		}
		redirect(303, result.finished ? debriefPath(def.slug, runId) : runPath(def.slug, runId));
	}
};
