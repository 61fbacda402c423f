import { managedRecord } from '$lib/server/reporting/managed-person';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { person, record } = managedRecord(event, 'record-print');
	return { person, record };
};
