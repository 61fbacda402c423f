import { requirePartnershipLead } from '$lib/server/access/guards';
import { getFramework } from '$lib/server/content';
import { londonToday } from '$lib/server/competency/dates';
import { csvResponse, toCsv } from '$lib/server/csv';
import { getDb } from '$lib/server/db';
import { partnershipCsvRows, PARTNERSHIP_CSV_HEADER } from '$lib/server/reporting/partnership-csv';
import { partnershipReport, readBorough } from '$lib/server/reporting/partnership';
import type { RequestHandler } from './$types';

/** The partnership figures as published (disclosure-controlled), for one borough or all of London. */
export const GET: RequestHandler = (event) => {
	requirePartnershipLead(event);
	const framework = getFramework();
	const report = partnershipReport(getDb(), framework, londonToday(), readBorough(event.url));
	const slug = (report.borough ?? 'london').toLowerCase().replace(/[^a-z]+/g, '-');
	return csvResponse(`partnership-${slug}-${report.asOf}.csv`, toCsv(PARTNERSHIP_CSV_HEADER, partnershipCsvRows(report, framework)));
};
