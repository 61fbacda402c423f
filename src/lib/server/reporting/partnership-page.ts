/**
 * The partnership page's figures as HTML, rendered once per published day and borough and kept with the snapshots'
 * stamp (partnership.ts): every partnership lead who opens the page that day gets the same trend and tables, and
 * rendering some 1,300 table cells per request was most of the page's cost. The page puts the HTML in as it is.
 */
import { render } from 'svelte/server';
import { stripHydrationMarkers } from '$lib/markdown/module-body-html';
import PartnershipFigures from '$lib/components/partnership/PartnershipFigures.svelte';
import type { Db } from '../db';
import type { Framework } from '../competency/framework';
import type { IsoDate } from '../competency/dates';
import { partnershipReport, partnershipStamp, sharedCompetencies } from './partnership';
import { stampedCachePerConnection } from '../db/stamped-cache';

type Page = { asOf: IsoDate; boroughs: string[]; borough: string | null; figuresHtml: string };

// All of London and each of the 33 boroughs, today's and (around midnight) yesterday's: at most about 1 MB.
const keptPage = stampedCachePerConnection<Page>(2 * 34);

/** Renders the trend and the tables for a report (pure: no database). */
export function renderPartnershipFigures(report: ReturnType<typeof partnershipReport>, titles: Record<string, string>): string {
	// Never hydrated (the page has no client-side JavaScript): Svelte's hydration markers are only bytes to send.
	return stripHydrationMarkers(render(PartnershipFigures, { props: { report, titles } }).body);
}

/** What the partnership page shows for one borough or all of London, as of the published day. */
export function partnershipPage(db: Db, framework: Framework, today: IsoDate, borough: string | null): Page {
	const competencyIds = sharedCompetencies(framework);
	const compute = (): Page => {
		const report = partnershipReport(db, framework, today, borough, competencyIds);
		const titles = Object.fromEntries(framework.competencies.map((c) => [c.id, c.title]));
		return { asOf: report.asOf, boroughs: report.boroughs, borough: report.borough, figuresHtml: renderPartnershipFigures(report, titles) };
	};
	return keptPage(db, `${today}|${borough}|${competencyIds.join(',')}`, partnershipStamp(db, today), compute);
}
