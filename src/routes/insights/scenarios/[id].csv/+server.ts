import { notFound, requireInsights } from '$lib/server/access/guards';
import { csvResponse, toCsv } from '$lib/server/csv';
import { getDb } from '$lib/server/db';
import { CHOICES_CSV_HEADER, choicesCsvRows } from '$lib/server/insights/choices-csv';
import { scenarioInsight } from '$lib/server/insights/page';
import type { RequestHandler } from './$types';

/** The scenario's choices as on the page, with the same filters and disclosure control. */
export const GET: RequestHandler = (event) => {
	const { scope } = requireInsights(event);
	const insight = scenarioInsight(getDb(), scope, event.params.id, event.url) ?? notFound();
	return csvResponse(`scenario-choices-${insight.scenario.slug}-${insight.scenario.version}.csv`, toCsv(CHOICES_CSV_HEADER, choicesCsvRows(insight.view)));
};
