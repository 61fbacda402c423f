import { beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { completeModule } from '$testing/evidence';
import { testFramework } from '$testing/framework';
import type { Db } from '../db';
import { refreshPerson } from '../competency/ledger';
import { partnershipPage } from './partnership-page';
import { ensurePartnershipSnapshots } from './partnership-snapshots';

const framework = testFramework();
const TODAY = '2026-06-15';
const YESTERDAY = '2026-06-14';

describe('partnership page', () => {
	let db: Db;
	let nurses: { id: number }[];

	beforeEach(() => {
		db = testDb();
		const nhs = addOrganisation(db, 'Trust', 'nhs');
		const ward = addUnit(db, nhs.id, 'Ward', 'Lambeth');
		addUnit(db, nhs.id, 'Lewisham ward', 'Lewisham');
		nurses = Array.from({ length: 20 }, () => addPerson(db, ward, { jobRole: 'mental-health-nurse', startDate: '2020-01-01' }));
		nurses.slice(0, 12).forEach((p) => completeModule(db, framework, p.id, 'recognising-distress', '2026-03-01'));
		for (const p of nurses) refreshPerson(db, framework, p.id);
	});

	it('renders the trend and each borough’s table, with the controlled figures and no hydration markers', () => {
		const page = partnershipPage(db, framework, TODAY, null);
		expect(page.asOf).toBe(YESTERDAY);
		expect(page.boroughs).toEqual(['Lambeth']);
		const html = page.figuresHtml;
		expect(html).toContain('<h2 id="trend">Over the last 12 months: London</h2>');
		expect(html).toContain('<h2 id="borough-Lambeth">Lambeth</h2>');
		expect(html).toContain('50% <span class="hint">(about 10 of 20)</span>'); // 12 of 20, rounded
		expect(html).toContain('<span class="hint">withheld</span>');
		expect(html).toContain('Recognise mental distress and vulnerability');
		expect(html).not.toContain('<!--');
		// Balanced: every table that opens closes.
		expect(html.match(/<table>/g)?.length).toBe(html.match(/<\/table>/g)?.length);
	});

	it('shows one borough when asked, and says so when no unit has a borough', () => {
		const lambeth = partnershipPage(db, framework, TODAY, 'Lambeth');
		expect(lambeth.borough).toBe('Lambeth');
		expect(lambeth.figuresHtml).toContain('Over the last 12 months: Lambeth');
		expect(partnershipPage(testDb(), framework, TODAY, null).figuresHtml).toContain('No units have a borough recorded yet.');
	});

	it('renders once a day, whatever is written meanwhile, and again when the figures are taken again', () => {
		const first = partnershipPage(db, framework, TODAY, null);
		nurses.slice(12).forEach((p) => completeModule(db, framework, p.id, 'recognising-distress', '2026-06-01'));
		for (const p of nurses) refreshPerson(db, framework, p.id);
		expect(partnershipPage(db, framework, TODAY, null)).toBe(first);
		db.$client.prepare('delete from partnership_counts where date = ?').run(YESTERDAY);
		db.$client.prepare('delete from partnership_dates where date = ?').run(YESTERDAY);
		ensurePartnershipSnapshots(db, TODAY, Date.now() + 60_000);
		const again = partnershipPage(db, framework, TODAY, null);
		expect(again).not.toBe(first);
		expect(again.figuresHtml).toContain('100% <span class="hint">(about 20 of 20)</span>');
		// The next day is a page of its own, with its own date.
		expect(partnershipPage(db, framework, '2026-06-16', null).asOf).toBe(TODAY);
	});
});
