import { describe, expect, it } from 'vitest';
import { findScenario } from '../../content';
import { passCriteria, runIdOr404, scenarioOr404, scenarioSummary } from './page';

describe('scenario page helpers', () => {
	it('answers 404 for unknown scenarios and malformed run ids', () => {
		expect(scenarioOr404('suspected-abd').slug).toBe('suspected-abd');
		expect(() => scenarioOr404('nope')).toThrow(expect.objectContaining({ status: 404 }));
		expect(runIdOr404('42')).toBe(42);
		for (const bad of ['0', '-1', '1.5', '1e3', 'abc', '', '9'.repeat(20)]) {
			expect(() => runIdOr404(bad), bad).toThrow(expect.objectContaining({ status: 404 }));
		}
	});

	it('says who the learner plays and whether the scenario is theirs, without revealing the machine', () => {
		const def = findScenario('prone-restraint-cant-breathe')!;
		const summary = scenarioSummary(def, 'paramedic');
		expect(summary).toMatchObject({ playedAs: 'Police constable', assigned: false });
		expect(JSON.stringify(summary)).not.toMatch(/feedback|score|RELIEVE/);
		expect(scenarioSummary(def, 'police-recruit').assigned).toBe(true);
	});

	it('writes the pass criteria in plain words', () => {
		const criteria = passCriteria(findScenario('prone-restraint-cant-breathe')!);
		expect(criteria).toEqual([
			'The scenario ends in “Safe resolution”.',
			'You score at least 11 points (the best possible score is 13).',
			expect.stringMatching(/^None of your choices raises a critical risk/)
		]);
	});
});
