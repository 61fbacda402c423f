import { RECORD_CSV_HEADER, recordCsvRows } from '$lib/server/competency/record';
import { csvResponse, toCsv } from '$lib/server/csv';
import { managedRecord } from '$lib/server/reporting/managed-person';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const { person, record, asAt } = managedRecord(event, 'record-csv');
	return csvResponse(`training-record-${person.workforceId.replace(/[^A-Za-z0-9-]/g, '_')}-${asAt}.csv`, toCsv(RECORD_CSV_HEADER, recordCsvRows(record)));
};
