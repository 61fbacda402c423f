import { requireUser } from '$lib/server/access/guards';
import { contentLookup, getFramework } from '$lib/server/content';
import { londonToday } from '$lib/server/competency/dates';
import { buildTrainingRecord } from '$lib/server/competency/record';
import { getDb } from '$lib/server/db';
import { asAtFrom } from '$lib/server/reporting/managed-person';
import { getPerson } from '$lib/server/people/repository';
import type { PageServerLoad } from './$types';

/** A learner's own record: always their own, whatever is in the URL. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const person = getPerson(getDb(), user.id)!;
	const { asAt, asRecorded } = asAtFrom(event.url);
	return { record: buildTrainingRecord(getDb(), getFramework(), person, asAt, asRecorded, contentLookup), today: londonToday() };
};
