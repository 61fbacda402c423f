import { describe, expect, it } from 'vitest';
import { formatLondonTime, londonDay, londonDayStart } from './london-time';

describe('London time', () => {
	it('finds the start of a London day in winter and in summer', () => {
		expect(londonDayStart('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
		expect(londonDayStart('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
	});

	it('is right on the days the clocks change', () => {
		// Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
		expect(londonDayStart('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
		expect(londonDayStart('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
		expect(londonDayStart('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
		expect(londonDayStart('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
	});

	it('formats with seconds in London time, and names the London day', () => {
		expect(formatLondonTime(new Date('2026-07-01T13:05:09Z'))).toBe('1 Jul 2026, 14:05:09');
		expect(formatLondonTime(new Date('2026-01-01T00:00:00Z'))).toBe('1 Jan 2026, 00:00:00');
		expect(londonDay(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
	});
});
