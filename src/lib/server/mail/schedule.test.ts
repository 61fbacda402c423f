import { describe, expect, it } from 'vitest';
import { monthlySlot, weeklySlot } from './schedule';

describe('digest slots: Monday 07:00 in London', () => {
	it('a weekly slot begins on Monday at 07:00 London time', () => {
		// Winter: 07:00 London is 07:00 UTC.
		expect(weeklySlot(new Date('2026-01-05T06:59:00Z'))).toBe('2025-12-29');
		expect(weeklySlot(new Date('2026-01-05T07:00:00Z'))).toBe('2026-01-05');
		expect(weeklySlot(new Date('2026-01-11T23:00:00Z'))).toBe('2026-01-05');
		// Summer: 07:00 London is 06:00 UTC.
		expect(weeklySlot(new Date('2026-06-01T05:59:00Z'))).toBe('2026-05-25');
		expect(weeklySlot(new Date('2026-06-01T06:00:00Z'))).toBe('2026-06-01');
	});

	it('a monthly slot is the first Monday of the month', () => {
		expect(monthlySlot(new Date('2026-06-01T06:00:00Z'))).toBe('2026-06-01');
		expect(monthlySlot(new Date('2026-06-29T12:00:00Z'))).toBe('2026-06-01');
		expect(monthlySlot(new Date('2026-06-01T05:00:00Z'))).toBe('2026-05-04');
		expect(monthlySlot(new Date('2026-07-05T12:00:00Z'))).toBe('2026-06-01'); // Sunday before July's first Monday
		expect(monthlySlot(new Date('2026-07-06T07:00:00Z'))).toBe('2026-07-06');
	});
});
