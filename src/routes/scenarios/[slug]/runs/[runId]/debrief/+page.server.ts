import { redirect } from '@sveltejs/kit';
import { notFound, requireUser } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { scenarioAnalysis } from '$lib/server/content';
import { buildDebrief } from '$lib/server/scenarios/presentation/debrief';
import { formatLondonLongDateTime } from '$lib/london-time';
import { runIdOr404, runPath, scenarioOr404 } from '$lib/server/scenarios/presentation/page';
import { getRun, runRecords } from '$lib/server/scenarios/runs-store';
import { surveyOffer } from '$lib/server/surveys/subject';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const def = scenarioOr404(event.params.slug);
	const runId = runIdOr404(event.params.runId);
	const db = getDb();
	const run = getRun(db, user.id, runId);
	if (!run || run.scenarioSlug !== def.slug) notFound();
	if (run.status === 'active') redirect(303, runPath(def.slug, run.id));
	const analysis = scenarioAnalysis(def.slug);
	if (!analysis) notFound();
	return {
		scenario: { slug: def.slug, title: def.meta.title, version: def.meta.version },
		runId: run.id,
		started: formatLondonLongDateTime(run.startedAt),
		finished: run.finishedAt ? formatLondonLongDateTime(run.finishedAt) : null,
		debrief: buildDebrief(def, analysis, run, runRecords(db, run.id)),
		// Offered for a run that ended with an outcome (not one closed without a result).
		survey: run.outcome ? surveyOffer(db, user.id, 'scenario', def.slug, run.scenarioVersion) : null
	};
};
