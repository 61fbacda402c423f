import { requireInsights } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { surveyInsight } from '$lib/server/surveys/insight';
import { surveySubjectOr404 } from '$lib/server/surveys/subject';
import type { PageServerLoad } from './$types';

// A report with a GET filter: nothing a script improves.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const { user, scope } = requireInsights(event);
	const subject = surveySubjectOr404(event.params.kind, event.params.slug);
	const version = event.url.searchParams.get('version');
	return surveyInsight(getDb(), user, scope, subject, version ? version.slice(0, 40) : null);
};
