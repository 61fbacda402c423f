import { requireUser } from '$lib/server/access/guards';
import { contentLookup, getFramework } from '$lib/server/content';
import { buildTrainingRecord, RECORD_CSV_HEADER, recordCsvRows } from '$lib/server/competency/record';
import { csvResponse, toCsv } from '$lib/server/csv';
import { getDb } from '$lib/server/db';
import { asAtFrom } from '$lib/server/reporting/managed-person';
import { getPerson } from '$lib/server/people/repository';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const person = getPerson(getDb(), user.id)!;
	const { asAt, asRecorded } = asAtFrom(event.url);
	const record = buildTrainingRecord(getDb(), getFramework(), person, asAt, asRecorded, contentLookup);
	return csvResponse(`my-training-record-${asAt}.csv`, toCsv(RECORD_CSV_HEADER, recordCsvRows(record)));
};
