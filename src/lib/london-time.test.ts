import { describe, expect, it } from 'vitest';
import {
	formatLondonClockTime,
	formatLondonDateTime,
	formatLondonLongDate,
	formatLondonLongDateTime,
	formatLondonTime,
	formatSessionTime,
	londonClock,
	londonDay,
	londonDayStart,
	londonWallParts,
	londonWallTime
} from './london-time';

const at = (date: string, time: string) => {
	const r = londonWallTime(date, time);
	if (!r.ok) throw new Error(r.error);
	return r.at.toISOString();
};

describe('London wall time', () => {
	it('reads winter times as GMT and summer times as BST', () => {
		expect(at('2026-01-15', '09:30')).toBe('2026-01-15T09:30:00.000Z');
		expect(at('2026-07-01', '09:30')).toBe('2026-07-01T08:30:00.000Z');
	});

	it('on the last Sunday of March (29 March 2026) refuses the hour that does not exist', () => {
		expect(at('2026-03-29', '00:30')).toBe('2026-03-29T00:30:00.000Z');
		const gap = londonWallTime('2026-03-29', '01:30');
		expect(gap.ok).toBe(false);
		if (!gap.ok) expect(gap.error).toMatch(/clocks go forward/);
		expect(at('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z');
		expect(at('2026-03-29', '09:00')).toBe('2026-03-29T08:00:00.000Z');
		// The day before is still GMT.
		expect(at('2026-03-28', '09:00')).toBe('2026-03-28T09:00:00.000Z');
	});

	it('on the last Sunday of October (25 October 2026) takes the first 01:30 and GMT afterwards', () => {
		expect(at('2026-10-25', '00:30')).toBe('2026-10-24T23:30:00.000Z');
		expect(at('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
		expect(at('2026-10-25', '02:00')).toBe('2026-10-25T02:00:00.000Z');
		expect(at('2026-10-25', '09:00')).toBe('2026-10-25T09:00:00.000Z');
		expect(at('2026-10-24', '09:00')).toBe('2026-10-24T08:00:00.000Z');
	});

	it('a session across the change lasts its real length', () => {
		const start = londonWallTime('2026-10-25', '00:00');
		const end = londonWallTime('2026-10-25', '03:00');
		if (!start.ok || !end.ok) throw new Error('refused');
		expect((end.at.getTime() - start.at.getTime()) / 3_600_000).toBe(4);
	});

	it('refuses what is not a date or time', () => {
		for (const [d, t] of [
			['2026-02-30', '09:00'],
			['2026-13-01', '09:00'],
			['2026-01-01', '24:00'],
			['2026-01-01', '9:00'],
			['yesterday', '09:00'],
			['2026-01-01', '09:60']
		])
			expect(londonWallTime(d, t).ok).toBe(false);
	});

	it('gives back the wall time of an instant, and formats in London time', () => {
		expect(londonWallParts(new Date('2026-07-01T08:30:00Z'))).toEqual({ date: '2026-07-01', time: '09:30' });
		expect(londonWallParts(new Date('2026-12-01T08:30:00Z'))).toEqual({ date: '2026-12-01', time: '08:30' });
		expect(formatSessionTime(new Date('2026-07-01T08:30:00Z'), new Date('2026-07-01T15:30:00Z'))).toBe('Wed, 1 Jul 2026, 09:30 to 16:30');
	});
});

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

	it('names the London day right across midnight, the day kept for the last minute asked or not', () => {
		const days = [
			'2026-06-30T22:59:59.999Z',
			'2026-06-30T23:00:00.000Z',
			'2026-06-30T22:59:00.000Z',
			'2026-06-30T23:00:59.999Z',
			'2026-12-31T23:59:59.999Z',
			'2027-01-01T00:00:00Z'
		];
		expect(days.map((at) => londonDay(new Date(at)))).toEqual(['2026-06-30', '2026-07-01', '2026-06-30', '2026-07-01', '2026-12-31', '2027-01-01']);
		expect(londonDay(new Date('2027-01-01T00:00:30Z'))).toBe('2027-01-01');
		expect(() => londonDay(new Date('not a date'))).toThrow(RangeError);
	});

	it('reads London time, summer and winter', () => {
		expect(londonClock(new Date('2026-01-05T07:30:00Z'))).toEqual({ date: '2026-01-05', hour: 7, weekday: 0 });
		expect(londonClock(new Date('2026-06-01T06:30:00Z'))).toEqual({ date: '2026-06-01', hour: 7, weekday: 0 }); // BST
		expect(londonClock(new Date('2026-06-07T23:30:00Z'))).toEqual({ date: '2026-06-08', hour: 0, weekday: 0 });
	});

	it('formats session, scenario and deadline times in London time', () => {
		expect(formatLondonDateTime(new Date('2026-03-28T09:30:00Z'))).toBe('Sat, 28 Mar 2026, 09:30');
		expect(formatSessionTime(new Date('2026-10-24T22:00:00Z'), new Date('2026-10-25T10:00:00Z'))).toBe('Sat, 24 Oct 2026, 23:00 to Sun, 25 Oct 2026, 10:00');
		expect(formatLondonLongDateTime(new Date('2026-07-01T13:05:09Z'))).toBe('1 July 2026 at 14:05');
		// late on 30 June in UTC is already 1 July in London (BST)
		expect(formatLondonLongDate(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026');
		expect(formatLondonClockTime(Date.parse('2026-12-01T00:01:30Z'))).toBe('00:01:30');
		expect(londonDay(new Date('2026-01-01T00:30:00Z'))).toBe('2026-01-01');
	});
});
