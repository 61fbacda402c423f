import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/access/guards';
import { contentLookup, getFramework } from '$lib/server/content';
import { buildTrainingRecord } from '$lib/server/competency/record';
import { getDb } from '$lib/server/db';
import { asAtFrom } from '$lib/server/reporting/managed-person';
import { getPerson } from '$lib/server/people/repository';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const person = getPerson(getDb(), user.id)!;
	const { asAt, asRecorded } = asAtFrom(event.url);
	return json(buildTrainingRecord(getDb(), getFramework(), person, asAt, asRecorded, contentLookup), {
		headers: { 'content-disposition': `attachment; filename="my-training-record-${asAt}.json"`, 'cache-control': 'private, no-store' }
	});
};
