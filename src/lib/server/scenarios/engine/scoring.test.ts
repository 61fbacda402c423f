import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '$testing/scenario-fixtures';
import { describeFlags, evaluatePass } from './scoring';

const pass = { outcomes: ['safe-resolution' as const], minScore: 6, noCriticalFlags: true };

describe('describeFlags', () => {
	it('keeps known flags once, most severe first, and drops unknown ids', () => {
		const flags = describeFlags(['no-recording', 'force-first', 'prone-too-long', 'force-first', 'unknown'], VOCABULARY);
		expect(flags.map((flag) => flag.id)).toEqual(['prone-too-long', 'force-first', 'no-recording']);
	});
});

describe('evaluatePass', () => {
	it('passes a safe resolution with enough score and no critical flag', () => {
		expect(evaluatePass(pass, { outcome: 'safe-resolution', score: 6, flagIds: ['no-recording'] }, VOCABULARY)).toEqual({
			passed: true,
			reasons: []
		});
	});

	it('gives a plain reason for each criterion missed', () => {
		const verdict = evaluatePass(pass, { outcome: 'harm', score: 2, flagIds: ['prone-too-long', 'weight-on-chest'] }, VOCABULARY);
		expect(verdict.passed).toBe(false);
		expect(verdict.reasons).toEqual([
			'It ended in "Harm"; a pass needs "Safe resolution".',
			'It scored 2; a pass needs at least 6.',
			"Critical risks were raised: The person was kept face down for longer than necessary; Weight was put on the person's chest, back or neck."
		]);
	});

	it('fails on a critical flag only when the scenario says so', () => {
		const result = { outcome: 'safe-resolution' as const, score: 9, flagIds: ['no-ambulance'] };
		expect(evaluatePass(pass, result, VOCABULARY).passed).toBe(false);
		expect(evaluatePass({ ...pass, noCriticalFlags: false }, result, VOCABULARY).passed).toBe(true);
	});

	it('does not pass an unfinished run', () => {
		const verdict = evaluatePass(pass, { outcome: null, score: 10, flagIds: [] }, VOCABULARY);
		expect(verdict.passed).toBe(false);
		expect(verdict.reasons).toEqual(['The scenario has not reached an end yet.']);
	});
});
