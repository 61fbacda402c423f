import { requireUser } from '$lib/server/access/guards';
import { getFramework } from '$lib/server/competency/catalogue';
import { buildTrainingRecord, RECORD_CSV_HEADER, recordCsvRows } from '$lib/server/competency/record';
import { contentLookup } from '$lib/server/content';
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
