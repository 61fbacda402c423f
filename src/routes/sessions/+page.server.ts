import { requireUser } from '$lib/server/access/guards';
import { canScheduleSessions, isManager, isAdmin, isTrainer, trainerScope } from '$lib/server/access/policy';
import { getFramework } from '$lib/server/content';
import { londonToday } from '$lib/server/competency/dates';
import { getDb } from '$lib/server/db';
import { sessionsPage } from '$lib/server/practical/sessions-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const scope = trainerScope(user);
	return {
		...sessionsPage(getDb(), getFramework(), user, londonToday(), isTrainer(user) && scope.kind === 'scoped' ? scope.organisationIds : []),
		canSchedule: canScheduleSessions(user),
		manages: isManager(user) || isAdmin(user)
	};
};
