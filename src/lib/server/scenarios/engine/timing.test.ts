import { describe, expect, it } from 'vitest';
import { deadlineAt, effectiveDeadline, isTimeLimit, TIME_LIMITS } from './timing';

describe('effectiveDeadline', () => {
	it('scales the scenario’s limit by the learner’s choice, or removes it', () => {
		expect(effectiveDeadline(45, 'standard')).toBe(45);
		expect(effectiveDeadline(45, 'double')).toBe(90);
		expect(effectiveDeadline(45, 'quadruple')).toBe(180);
		expect(effectiveDeadline(45, 'off')).toBeNull();
	});

	it('leaves an untimed decision untimed whatever the choice', () => {
		for (const limit of TIME_LIMITS) expect(effectiveDeadline(null, limit)).toBeNull();
	});
});

describe('deadlineAt', () => {
	it('counts from when the decision was served', () => {
		const served = new Date('2026-12-01T10:00:00Z');
		expect(deadlineAt(30, 'double', served)).toEqual(new Date('2026-12-01T10:01:00Z'));
		expect(deadlineAt(30, 'off', served)).toBeNull();
		expect(deadlineAt(null, 'standard', served)).toBeNull();
	});
});

describe('isTimeLimit', () => {
	it('accepts only the four choices', () => {
		expect(TIME_LIMITS.every(isTimeLimit)).toBe(true);
		for (const bad of ['', 'STANDARD', 'triple', 2, null, undefined, 'off ']) expect(isTimeLimit(bad)).toBe(false);
	});
});
