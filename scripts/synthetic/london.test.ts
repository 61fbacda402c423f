import { describe, expect, it } from 'vitest';
import { LONDON_BOROUGHS } from '../../src/lib/organisation-model';
import { apportion, MPS_BCUS, planLondon, unitNearest } from './london';

const total = (plan: ReturnType<typeof planLondon>) => plan.reduce((s, o) => s + o.units.reduce((t, u) => t + u.size, 0), 0);

describe('synthetic London', () => {
	it('splits a whole number exactly by weight', () => {
		expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
		expect(apportion(7, [0, 5, 2])).toEqual([0, 5, 2]);
		expect(apportion(0, [3, 4])).toEqual([0, 0]);
	});

	it('puts every person in a unit, about 45,000 of 80,000 in the Met, with a borough unit of about 1,000', () => {
		const plan = planLondon(80_000, 5);
		expect(total(plan)).toBe(80_000);
		const mps = plan.find((o) => o.name === 'Metropolitan Police Service')!;
		expect(mps.units.reduce((s, u) => s + u.size, 0)).toBe(45_000);
		expect(Math.abs(unitNearest(plan, 1000).unit.size - 1000)).toBeLessThan(60);
		expect(plan.filter((o) => o.kind === 'nhs').length).toBeGreaterThanOrEqual(5);
		for (const o of plan) expect(new Set(o.units.map((u) => u.name)).size).toBe(o.units.length);
	});

	it('covers the 32 boroughs with the 12 BCUs, and every borough and the City with each agency', () => {
		expect(MPS_BCUS).toHaveLength(12);
		expect(new Set(MPS_BCUS.flatMap((b) => b.boroughs)).size).toBe(32);
		const plan = planLondon(80_000, 5);
		for (const kind of ['police', 'nhs', 'ambulance'] as const) {
			const boroughs = new Set(plan.filter((o) => o.kind === kind).flatMap((o) => o.units.map((u) => u.borough)));
			for (const b of LONDON_BOROUGHS) expect(boroughs.has(b), `${kind} in ${b}`).toBe(true);
		}
	});

	it('scales down to a few hundred people, everyone going live at the start of a short history', () => {
		const plan = planLondon(300, 1);
		expect(total(plan)).toBe(300);
		for (const o of plan) for (const u of o.units) expect(u.goLiveMonths).toBe(0);
		expect(
			plan
				.flatMap((o) => o.units)
				.filter((u) => u.trainers)
				.every((u) => u.size >= 2)
		).toBe(true);
	});

	it('rolls out over the history, everyone live at least 15 months before its end', () => {
		const months = planLondon(80_000, 5).flatMap((o) => o.units.map((u) => u.goLiveMonths));
		expect(Math.min(...months)).toBe(0);
		expect(Math.max(...months)).toBeLessThanOrEqual(45);
	});
});
