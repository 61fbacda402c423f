import { json } from '@sveltejs/kit';
import { managedRecord } from '$lib/server/reporting/managed-person';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { person, record, asAt } = managedRecord(event, 'record-json');
	return json(record, {
		headers: {
			'content-disposition': `attachment; filename="training-record-${person.workforceId.replace(/[^A-Za-z0-9-]/g, '_')}-${asAt}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
