import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { briefingBlocks } from '$lib/server/scenarios/presentation/briefing';
import { passCriteria, pastRun, runPath, scenarioOr404, scenarioSummary } from '$lib/server/scenarios/presentation/page';
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
		runs: runs.map((run) => pastRun(def, run))
	};
};

export const actions: Actions = {
	start: (event) => {
		const user = requireUser(event);
		const def = scenarioOr404(event.params.slug);
		const { run, abandoned } = startOrResumeRun(getDb(), user.id, def);
		redirect(303, `${runPath(def.slug, run.id)}${abandoned ? '?earlier-run-closed=1' : ''}`);
	}
};
