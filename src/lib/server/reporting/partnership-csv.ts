import type { Framework } from '../competency/framework';
import { WITHHELD_CSV, type PublishedShare } from './disclosure';
import { AGENCY_KINDS, type PartnershipReport } from './partnership';

export const PARTNERSHIP_CSV_HEADER = ['as_of', 'borough', 'competency', 'agency', 'people', 'in_date', 'share_percent'];

const AGENCY_LABEL = { all: 'All three agencies', police: 'Police', nhs: 'NHS', ambulance: 'Ambulance' } as const;

function figures(cell: PublishedShare): (string | number)[] {
	return cell.suppressed ? [WITHHELD_CSV, WITHHELD_CSV, WITHHELD_CSV] : [cell.total, cell.count, Math.round(cell.share * 100)];
}

/**
 * The published figures as CSV rows: the trend (every shared competency together) for each of the 13 dates, then
 * each borough's table as of the published day. Only what the page shows: withheld figures are "*".
 */
export function partnershipCsvRows(report: PartnershipReport, framework: Framework): (string | number)[][] {
	const titles = new Map(framework.competencies.map((c) => [c.id, c.title]));
	const place = report.borough ?? 'London';
	const trend = report.trend.flatMap((p) =>
		(['all', ...AGENCY_KINDS] as const).map((kind) => [p.date, place, 'All shared competencies', AGENCY_LABEL[kind], ...figures(p[kind])])
	);
	const tables = report.tables.flatMap((t) =>
		t.competencies.flatMap((c) =>
			AGENCY_KINDS.map((kind) => [report.asOf, t.borough, titles.get(c.competencyId) ?? c.competencyId, AGENCY_LABEL[kind], ...figures(c.cells[kind])])
		)
	);
	return [...trend, ...tables];
}
