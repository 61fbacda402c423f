import { beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { completeModule } from '$testing/evidence';
import { testFramework } from '$testing/framework';
import type { Db } from '../db';
import { refreshPerson } from '../competency/ledger';
import { partnershipReport, readBorough, sharedCompetencies } from './partnership';
import { partnershipCsvRows } from './partnership-csv';
import { ensurePartnershipSnapshots, publishedDates, readPartnershipSnapshots } from './partnership-snapshots';

const framework = testFramework();
const TODAY = '2026-06-15';
const YESTERDAY = '2026-06-14';

describe('partnership view', () => {
	let db: Db;
	let w: ReturnType<typeof world>;
	function world() {
		const police = addOrganisation(db, 'Police', 'police');
		const nhs = addOrganisation(db, 'Trust', 'nhs');
		const bcu = addUnit(db, police.id, 'BCU', 'Lambeth');
		const ward = addUnit(db, nhs.id, 'Ward', 'Lambeth');
		const lewisham = addUnit(db, nhs.id, 'Lewisham ward', 'Lewisham');
		const mk = (unit: typeof bcu, jobRole: string, n: number) => Array.from({ length: n }, () => addPerson(db, unit, { jobRole, startDate: '2020-01-01' }));
		return {
			police,
			nhs,
			bcu,
			ward,
			lewisham,
			handlers: mk(bcu, 'call-handler', 3),
			nurses: mk(ward, 'mental-health-nurse', 20),
			others: mk(lewisham, 'mental-health-nurse', 9)
		};
	}
	const recognise = (personId: number, day: string) => completeModule(db, framework, personId, 'recognising-distress', day);
	const lambeth = (report: ReturnType<typeof partnershipReport>) =>
		report.tables.find((t) => t.borough === 'Lambeth')!.competencies.find((c) => c.competencyId === 'recognise-distress')!.cells;

	beforeEach(() => {
		db = testDb();
		w = world();
		// 12 of the 20 Lambeth nurses in date since the spring; the rest never
		w.nurses.slice(0, 12).forEach((p) => recognise(p.id, '2026-03-01'));
		for (const p of [...w.handlers, ...w.nurses, ...w.others]) refreshPerson(db, framework, p.id);
	});

	it('shares the competencies every agency needs', () => {
		const shared = sharedCompetencies(framework);
		expect(shared).toContain('mha-powers');
		expect(shared).not.toContain('use-of-force-act');
	});

	it('counts each published date exactly as it was: people in post, in date that day', () => {
		ensurePartnershipSnapshots(db, TODAY);
		const rows = readPartnershipSnapshots(db, TODAY).filter((r) => r.competencyId === 'recognise-distress' && r.borough === 'Lambeth');
		const at = (date: string, kind: string) => rows.find((r) => r.date === date && r.kind === kind);
		expect(at(YESTERDAY, 'nhs')).toMatchObject({ people: 20, current: 12 });
		expect(at(YESTERDAY, 'police')).toMatchObject({ people: 3, current: 0 });
		expect(at('2026-02-28', 'nhs')).toMatchObject({ people: 20, current: 0 }); // before the evidence
		expect(new Set(readPartnershipSnapshots(db, TODAY).map((r) => r.date))).toEqual(new Set(publishedDates(TODAY)));
	});

	it('publishes only disclosure-controlled figures, with small counts and small complements withheld', () => {
		const cells = lambeth(partnershipReport(db, framework, TODAY, null));
		expect(cells.police).toEqual({ suppressed: true }); // 3 call handlers
		expect(cells.nhs).toEqual({ suppressed: false, count: 10, total: 20, share: 0.5 }); // 12 of 20, rounded
		const json = JSON.stringify(partnershipReport(db, framework, TODAY, null));
		expect(json).not.toMatch(/personId|name|"people"|"current"/);
		expect(json).not.toContain('"count":12');
	});

	it('shows nothing of today until tomorrow: a starter who joins and trains today changes no figure', () => {
		const before = JSON.stringify(partnershipReport(db, framework, TODAY, null));
		// Bring Lambeth's not-in-date nurses to 7 (a small complement) and add a starter with a back-dated start.
		w.nurses.slice(12, 19).forEach((p) => recognise(p.id, TODAY));
		const starter = addPerson(db, w.ward, { jobRole: 'mental-health-nurse', startDate: '2019-01-01' });
		recognise(starter.id, TODAY);
		for (const p of [...w.nurses, starter]) refreshPerson(db, framework, p.id);
		expect(JSON.stringify(partnershipReport(db, framework, TODAY, null))).toBe(before);
		// The next day the day's changes show together, and 20 of 21 in date has a complement of 1: withheld.
		expect(lambeth(partnershipReport(db, framework, '2026-06-16', null)).nhs).toEqual({ suppressed: true });
	});

	it('filters by borough, and the trend and CSV carry the same controlled figures', () => {
		const report = partnershipReport(db, framework, TODAY, 'Lewisham');
		expect(report.tables.map((t) => t.borough)).toEqual(['Lewisham']);
		expect(report.boroughs).toEqual(['Lambeth', 'Lewisham']);
		expect(report.trend).toHaveLength(13);
		expect(report.trend.at(-1)!.date).toBe(YESTERDAY);
		// 9 Lewisham nurses, none in date, on each shared competency: rounded to 10 (or 5 times the competencies)
		const last = report.trend.at(-1)!;
		expect(last.police).toEqual({ suppressed: true });
		expect(last.nhs.suppressed).toBe(false);
		const rows = partnershipCsvRows(report, framework);
		for (const [, , , , people, inDate, percent] of rows) {
			for (const v of [people, inDate]) expect(v === '*' || (typeof v === 'number' && v % 5 === 0), `${v}`).toBe(true);
			expect(percent === '*' || (typeof percent === 'number' && percent >= 0 && percent <= 100)).toBe(true);
		}
		expect(rows.some((r) => r[1] === 'Lewisham' && r[3] === 'Police' && r[4] === '*')).toBe(true);
	});

	it('keeps a day’s figures through writes, and counts again only when the snapshots are taken again', () => {
		const first = partnershipReport(db, framework, TODAY, null);
		// Back-dated evidence changes what was true yesterday, but not the frozen figures: the same result, not recounted.
		w.nurses.slice(12, 19).forEach((p) => recognise(p.id, '2026-06-01'));
		for (const p of w.nurses) refreshPerson(db, framework, p.id);
		expect(partnershipReport(db, framework, TODAY, null)).toBe(first);
		expect(partnershipReport(db, framework, TODAY, 'Lambeth')).not.toBe(first);
		// Yesterday's counts taken again (as after a restore): a new stamp, and 19 of 20 in date is withheld.
		db.$client.prepare('delete from partnership_counts where date = ?').run(YESTERDAY);
		db.$client.prepare('delete from partnership_dates where date = ?').run(YESTERDAY);
		const stamp = ensurePartnershipSnapshots(db, TODAY, Date.now() + 60_000);
		expect(stamp).toContain(`${YESTERDAY}@`);
		expect(ensurePartnershipSnapshots(db, TODAY)).toBe(stamp);
		const again = partnershipReport(db, framework, TODAY, null);
		expect(again).not.toBe(first);
		expect(lambeth(again).nhs).toEqual({ suppressed: true });
		expect(lambeth(first).nhs).toEqual({ suppressed: false, count: 10, total: 20, share: 0.5 });
	});

	it('reads a borough from the URL only when it is a London borough', () => {
		expect(readBorough(new URL('http://x/partnership?borough=Lambeth'))).toBe('Lambeth');
		expect(readBorough(new URL('http://x/partnership?borough=Atlantis'))).toBeNull();
		expect(readBorough(new URL('http://x/partnership'))).toBeNull();
	});
});
