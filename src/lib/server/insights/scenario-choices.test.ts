import { describe, expect, it } from 'vitest';
import { findScenario } from '../content';
import { choicesCsvRows } from './choices-csv';
import { scenarioChoices } from './scenario-choices';
import type { ChoiceRow } from './store';

const def = findScenario('prone-restraint-cant-breathe')!;
const first = def.stateById.get(def.initial)!;
const [a, b] = first.choices;

describe('scenario choices under disclosure control', () => {
	it('gives shares of all runs and of first attempts from rounded counts, and the edges the choices led along', () => {
		const rows: ChoiceRow[] = [
			{ fromState: first.id, event: a.event, late: 0, firstAttempt: 1, n: 40 },
			{ fromState: first.id, event: a.event, late: 0, firstAttempt: 0, n: 20 },
			{ fromState: first.id, event: b.event, late: 0, firstAttempt: 1, n: 40 }
		];
		const view = scenarioChoices(def, rows, [
			{ attempt: 1, passed: 1, n: 30 },
			{ attempt: 1, passed: 0, n: 10 },
			{ attempt: 2, passed: 1, n: 3 }
		]);
		const point = view.points.find((p) => p.id === first.id)!;
		expect(point.total).toBe(100);
		expect(point.options.find((o) => o.event === a.event)).toMatchObject({
			all: { suppressed: false, count: 60, total: 100, share: 0.6 },
			first: { share: 0.5 }
		});
		const target = first.transitions.find((t) => t.event === a.event)!.target;
		const edge = view.edges.find((e) => e.from === first.id && e.to === target)!;
		expect(edge.share.suppressed).toBe(false);
		expect(view.attempts[0]).toMatchObject({ finished: 40, passed: { suppressed: false, share: 0.75 } });
		// 3 second attempts: a count of people under 8 is withheld, and so is its share
		expect(view.attempts[1]).toMatchObject({ finished: null, passed: { suppressed: true } });
	});

	it('withholds a share whose count, total or rest is 1 to 7, and writes it as * in the CSV', () => {
		const rows: ChoiceRow[] = [
			{ fromState: first.id, event: a.event, late: 0, firstAttempt: 1, n: 30 },
			{ fromState: first.id, event: b.event, late: 0, firstAttempt: 1, n: 3 }
		];
		const view = scenarioChoices(def, rows, []);
		const point = view.points.find((p) => p.id === first.id)!;
		expect(point.options.find((o) => o.event === b.event)!.all).toEqual({ suppressed: true });
		// 30 of 33 leaves 3 out: that share would single them out as surely
		expect(point.options.find((o) => o.event === a.event)!.all).toEqual({ suppressed: true });
		const csv = choicesCsvRows(view).filter((r) => r[1] === first.id && r[3] === b.event);
		expect(csv[0].slice(4, 6)).toEqual(['*', '*']);
	});

	it('counts a late answer as a time-out and its flags as those of the hesitate transition', () => {
		const timed = def.states.find((s) => s.kind === 'decision' && s.deadlineSeconds !== null && s.hesitate);
		expect(timed).toBeDefined();
		if (!timed) return;
		const hesitate = timed.transitions.find((t) => t.event === timed.hesitate)!;
		const rows: ChoiceRow[] = [
			{ fromState: timed.id, event: timed.choices[0].event, late: 1, firstAttempt: 1, n: 20 },
			{ fromState: timed.id, event: timed.choices[0].event, late: 0, firstAttempt: 1, n: 20 }
		];
		const point = scenarioChoices(def, rows, []).points.find((p) => p.id === timed.id)!;
		expect(point.timeOuts).toMatchObject({ suppressed: false, share: 0.5 });
		expect(hesitate.flags.length).toBeGreaterThan(0);
		for (const flag of hesitate.flags) expect(point.flags.map((f) => f.id)).toContain(flag);
	});
});
