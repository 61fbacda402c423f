import { json } from '@sveltejs/kit';
import { getFramework } from '$lib/server/competency/catalogue';
import { buildTrainingRecord } from '$lib/server/competency/record';
import { contentLookup } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { asAtFrom, personForManager } from '$lib/server/reporting/managed-person';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { person } = personForManager(event);
	const { asAt, asRecorded } = asAtFrom(event.url);
	const record = buildTrainingRecord(getDb(), getFramework(), person, asAt, asRecorded, contentLookup);
	return json(record, {
		headers: {
			'content-disposition': `attachment; filename="training-record-${person.workforceId.replace(/[^A-Za-z0-9-]/g, '_')}-${asAt}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
