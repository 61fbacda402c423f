import { notFound, requireInsights } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { DISCLOSURE, filterChoices, questionInsight } from '$lib/server/insights/page';
import { GROUP_FRACTION, TOO_EASY_ABOVE, TOO_HARD_BELOW } from '$lib/server/insights/question-stats';
import { serverRendered } from '$lib/server-rendered';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) => {
	const { scope } = requireInsights(event);
	const db = getDb();
	const insight = questionInsight(db, scope, event.params.id, event.url) ?? notFound();
	const rules = { group: Math.round(GROUP_FRACTION * 100), easy: Math.round(TOO_EASY_ABOVE * 100), hard: Math.round(TOO_HARD_BELOW * 100) };
	return { report: serverRendered(event, { ...insight, choices: filterChoices(db, scope), disclosure: DISCLOSURE, rules }) };
};
