import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { briefingBlocks } from '$lib/server/scenarios/presentation/briefing';
import { invalid } from '$lib/server/forms/respond';
import { readForm } from '$lib/server/forms/read';
import { isTimeLimit } from '$lib/server/scenarios/engine';
import { passCriteria, pastRun, runPath, scenarioOr404, scenarioSummary, timeLimitChoices } from '$lib/server/scenarios/presentation/page';
import { listRuns, scenarioStatuses, startOrResumeRun } from '$lib/server/scenarios/runs-store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const def = scenarioOr404(event.params.slug);
	const db = getDb();
	const runs = listRuns(db, user.id, def.slug);
	const active = runs.find((run) => run.status === 'active');
	return {
		scenario: scenarioSummary(def, user.jobRole),
		status: scenarioStatuses(db, user.id).get(def.slug) ?? ('not-started' as const),
		briefing: briefingBlocks(def.briefingMarkdown),
		passCriteria: passCriteria(def),
		active: active ? { decision: active.step + 1 } : null,
		timing: timeLimitChoices(def, active?.timeLimit),
		runs: runs.map((run) => pastRun(def, run))
	};
};

export const actions: Actions = {
	start: async (event) => {
		const user = requireUser(event);
		const def = scenarioOr404(event.params.slug);
		// A scenario without timed decisions has no choice to make; a missing one is the scenario's own limits.
		const timeLimit = (await readForm(event.request)).get('timeLimit') ?? 'standard';
		if (!isTimeLimit(timeLimit)) return invalid({ timeLimit: 'Choose how long you want for timed decisions.' }, {}, 'start');
		const { run, abandoned } = startOrResumeRun(getDb(), user.id, def, new Date(), timeLimit);
		redirect(303, `${runPath(def.slug, run.id)}${abandoned ? '?earlier-run-closed=1' : ''}`);
	}
};
