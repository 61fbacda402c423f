import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/access/guards';
import { learnerOverview } from '$lib/server/competency/learner';
import { contentLookup, getFramework } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { roleModules } from '$lib/server/modules/role-modules';
import { offlineReadingList } from '$lib/server/offline/reading-list';
import { getPerson } from '$lib/server/people/repository';
import type { RequestHandler } from './$types';

/** The module pages the service worker keeps for this learner to read without a signal (src/service-worker.ts). */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const person = getPerson(db, user.id)!;
	const overview = learnerOverview(db, getFramework(), person, contentLookup);
	return json({ modules: offlineReadingList(roleModules(db, person, overview.refresh)) });
};
