import { getFramework } from '$lib/server/competency/catalogue';
import { buildTrainingRecord } from '$lib/server/competency/record';
import { contentLookup } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { asAtFrom, personForManager } from '$lib/server/reporting/managed-person';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { person } = personForManager(event);
	const { asAt, asRecorded } = asAtFrom(event.url);
	return { person, record: buildTrainingRecord(getDb(), getFramework(), person, asAt, asRecorded, contentLookup) };
};
