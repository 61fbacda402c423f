import { requireUser } from '$lib/server/access/guards';
import { canScheduleSessions, isManager, isAdmin, isTrainer, trainerScope } from '$lib/server/access/policy';
import { getFramework } from '$lib/server/content';
import { londonToday } from '$lib/server/competency/dates';
import { getDb } from '$lib/server/db';
import { enumParam, intParam } from '$lib/server/forms/query';
import { practicalCompetencies } from '$lib/server/practical/lists';
import { sessionsPage } from '$lib/server/practical/sessions-page';
import { serverRendered } from '$lib/server-rendered';
import type { PageServerLoad } from './$types';

// Links and a GET filter only: no JavaScript is sent, and the data is not serialised into the page (src/lib/server-rendered.ts).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const scope = trainerScope(user);
	const framework = getFramework();
	// The filter and page travel in the URL, read leniently: anything unexpected shows the first page of all sessions.
	const filter = { competency: enumParam(event.url, 'competency', practicalCompetencies(framework)), page: intParam(event.url, 'page') };
	const trainsFor = isTrainer(user) && scope.kind === 'scoped' ? scope.organisationIds : [];
	return {
		sessions: serverRendered(event, {
			...sessionsPage(getDb(), framework, user, londonToday(), trainsFor, filter),
			canSchedule: canScheduleSessions(user),
			manages: isManager(user) || isAdmin(user)
		})
	};
};
