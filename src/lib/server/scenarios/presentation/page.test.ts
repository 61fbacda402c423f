import { describe, expect, it } from 'vitest';
import { findScenario } from '../../content';
import { decisionDeadline, passCriteria, runIdOr404, scenarioOr404, scenarioSummary, timeLimitChoices } from './page';

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

describe('decision deadlines on the play page', () => {
	const servedAt = new Date('2026-12-01T12:00:00Z');
	it('gives the time under the learner’s choice, the time left and the clock time in London', () => {
		expect(decisionDeadline(45, { timeLimit: 'double', shownAt: servedAt }, new Date('2026-12-01T12:00:30Z'))).toEqual({
			off: false,
			seconds: 90,
			standardSeconds: 45,
			remainingMs: 60_000,
			byText: '12:01:30 London time'
		});
		expect(decisionDeadline(45, { timeLimit: 'standard', shownAt: servedAt }, new Date('2026-12-01T12:05:00Z'))).toMatchObject({
			remainingMs: 0,
			standardSeconds: null
		});
	});

	it('says when a limit was switched off, and nothing for an untimed decision', () => {
		expect(decisionDeadline(45, { timeLimit: 'off', shownAt: servedAt })).toEqual({ off: true, standardSeconds: 45 });
		expect(decisionDeadline(null, { timeLimit: 'double', shownAt: servedAt })).toBeNull();
	});

	it('offers the four choices with the scenario’s own range, keeping an active run’s choice', () => {
		const timing = timeLimitChoices(findScenario('prone-restraint-cant-breathe')!, 'quadruple');
		expect(timing?.current).toBe('quadruple');
		expect(timing?.options.map((o) => o.value)).toEqual(['standard', 'double', 'quadruple', 'off']);
		expect(timing?.timedDecisions).toBeGreaterThan(0);
	});
});
