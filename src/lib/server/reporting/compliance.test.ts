import { beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { completeModule } from '$testing/evidence';
import { testFramework } from '$testing/framework';
import type { Db } from '../db';
import { competencyMatrix, complianceSummary, complianceTrend, expiringList, shareCurrent, trendDates } from './compliance';
import { refreshPerson } from '../competency/ledger';

const framework = testFramework();
const TODAY = '2026-06-15';

describe('compliance dashboards', () => {
	let db: Db;
	let w: ReturnType<typeof world>;
	function world() {
		const police = addOrganisation(db, 'Police', 'police');
		const nhs = addOrganisation(db, 'Trust', 'nhs');
		const bcu = addUnit(db, police.id, 'BCU', 'Lambeth');
		const other = addUnit(db, police.id, 'Other BCU', 'Lewisham');
		const ward = addUnit(db, nhs.id, 'Ward', 'Lambeth');
		const mk = (unit: typeof bcu, jobRole: string) => addPerson(db, unit, { jobRole, startDate: '2020-01-01' });
		return {
			police,
			nhs,
			bcu,
			other,
			ward,
			current: mk(bcu, 'call-handler'),
			due: mk(bcu, 'call-handler'),
			expired: mk(bcu, 'call-handler'),
			none: mk(other, 'call-handler'),
			nurses: [1, 2, 3, 4, 5, 6].map(() => mk(ward, 'mental-health-nurse'))
		};
	}
	const wellbeing = (personId: number, day: string) => completeModule(db, framework, personId, 'staff-wellbeing', day);

	beforeEach(() => {
		db = testDb();
		w = world();
		// post-incident: 24-month refresher, one module
		wellbeing(w.current.id, '2026-01-01'); // expires 2028-01-01: current
		wellbeing(w.due.id, '2024-07-20'); // expires 2026-07-20: 35 days away, due soon
		wellbeing(w.expired.id, '2024-05-01'); // expired 2026-05-01
		for (const p of [w.none, ...w.nurses]) refreshPerson(db, framework, p.id);
	});

	it('counts each status per competency, by unit and by job role, within scope', () => {
		const unitScope = { kind: 'scoped' as const, organisationIds: [], unitIds: [w.bcu.id] };
		const s = complianceSummary(db, unitScope, TODAY);
		expect(s.byCompetency.get('post-incident')).toEqual({ required: 3, current: 1, dueSoon: 1, expired: 1, notAchieved: 0, overdue: 0 });
		expect(shareCurrent(s.byCompetency.get('post-incident')!)).toBeCloseTo(2 / 3);
		const org = complianceSummary(db, { kind: 'scoped', organisationIds: [w.police.id], unitIds: [] }, TODAY);
		expect(org.byUnit.get(w.other.id)!.get('post-incident')).toMatchObject({ required: 1, notAchieved: 1 });
		expect(org.byRole.get('call-handler')!.get('post-incident')!.required).toBe(4);
		expect(org.byRole.has('mental-health-nurse')).toBe(false);
	});

	it('lists people expired or due within 30, 60 or 90 days, soonest first', () => {
		const scope = { kind: 'scoped' as const, organisationIds: [w.police.id], unitIds: [] };
		const in30 = expiringList(db, scope, TODAY, { within: 30, page: 1 }).rows.filter((r) => r.competencyId === 'post-incident');
		expect(in30.map((r) => [r.personId, r.status])).toEqual([[w.expired.id, 'expired']]);
		const in60 = expiringList(db, scope, TODAY, { within: 60, page: 1 }).rows.filter((r) => r.competencyId === 'post-incident');
		expect(in60.map((r) => r.personId)).toEqual([w.expired.id, w.due.id]);
	});

	it('keeps expired apart from due soon, for a small scope and for everyone (the expiry-order walk)', () => {
		for (const scope of [{ kind: 'scoped' as const, organisationIds: [w.police.id], unitIds: [] }, { kind: 'all' as const }]) {
			const expired = expiringList(db, scope, TODAY, { within: 60, page: 1, only: 'expired' });
			const due = expiringList(db, scope, TODAY, { within: 60, page: 1, only: 'due' });
			const both = expiringList(db, scope, TODAY, { within: 60, page: 1 });
			expect(expired.rows.every((r) => r.status === 'expired')).toBe(true);
			expect(due.rows.every((r) => r.status !== 'expired' && r.expiresOn! > TODAY)).toBe(true);
			expect(expired.rows.filter((r) => r.competencyId === 'post-incident').map((r) => r.personId)).toEqual([w.expired.id]);
			expect(due.rows.filter((r) => r.competencyId === 'post-incident').map((r) => r.personId)).toEqual([w.due.id]);
			expect(expired.total + due.total).toBe(both.total);
			expect(expired.rows.length).toBe(expired.total);
		}
	});

	it('draws the trend from cycles: nobody was in date before their evidence', () => {
		const dates = trendDates(TODAY);
		expect(dates).toHaveLength(13);
		expect(dates[0]).toBe('2025-06-30');
		expect(dates.at(-1)).toBe(TODAY);
		const trend = complianceTrend(db, { kind: 'scoped', organisationIds: [], unitIds: [w.bcu.id] }, TODAY);
		const point = (d: string) => trend.find((t) => t.date === d)!;
		// on 2025-12-31: due and expired people were in date (2024 evidence, 24 months); current one not yet
		expect(point('2025-12-31').current).toBe(2);
		expect(point(TODAY).current).toBe(2);
	});

	it('filters, sorts and pages the people-by-competencies matrix', () => {
		const scope = { kind: 'scoped' as const, organisationIds: [w.police.id], unitIds: [] };
		const all = competencyMatrix(db, scope, TODAY, { sort: 'name', page: 1 });
		expect(all.total).toBe(4);
		expect(all.rows[0].statuses['post-incident']).toBeDefined();
		const expired = competencyMatrix(db, scope, TODAY, { sort: 'name', page: 1, status: 'expired' });
		expect(expired.rows.map((r) => r.id)).toContain(w.expired.id);
		const paged = competencyMatrix(db, scope, TODAY, { sort: 'unit', page: 2, pageSize: 3 });
		expect(paged).toMatchObject({ total: 4, pages: 2, page: 2 });
		expect(paged.rows).toHaveLength(1);
		// A page past the end (a stale link) shows the last page, as every list does (db/page-window.ts).
		const past = competencyMatrix(db, scope, TODAY, { sort: 'unit', page: 9, pageSize: 3 });
		expect(past).toMatchObject({ total: 4, pages: 2, page: 2 });
		expect(past.rows).toEqual(paged.rows);
		const expiring = expiringList(db, scope, TODAY, { within: 60, page: 1, pageSize: 1 });
		expect(expiringList(db, scope, TODAY, { within: 60, page: 99, pageSize: 1 })).toMatchObject({ page: expiring.pages, pages: expiring.pages });
	});
});
