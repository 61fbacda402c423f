import { getFramework } from '$lib/server/competency/catalogue';
import { buildTrainingRecord, RECORD_CSV_HEADER, recordCsvRows } from '$lib/server/competency/record';
import { contentLookup } from '$lib/server/content';
import { csvResponse, toCsv } from '$lib/server/csv';
import { getDb } from '$lib/server/db';
import { asAtFrom, personForManager } from '$lib/server/reporting/managed-person';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { person } = personForManager(event);
	const { asAt, asRecorded } = asAtFrom(event.url);
	const record = buildTrainingRecord(getDb(), getFramework(), person, asAt, asRecorded, contentLookup);
	return csvResponse(`training-record-${person.workforceId.replace(/[^A-Za-z0-9-]/g, '_')}-${asAt}.csv`, toCsv(RECORD_CSV_HEADER, recordCsvRows(record)));
};
