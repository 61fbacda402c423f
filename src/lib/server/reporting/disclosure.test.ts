import { describe, expect, it } from 'vitest';
import { publishCount, publishShare, ROUND_TO, SUPPRESS_UP_TO } from './disclosure';

describe('publishCount', () => {
	it('shows 0, withholds 1 to 7 and rounds the rest to the nearest 5, halves up', () => {
		expect(publishCount(0)).toBe(0);
		for (let n = 1; n <= SUPPRESS_UP_TO; n++) expect(publishCount(n)).toBeNull();
		expect(publishCount(8)).toBe(10);
		expect(publishCount(12)).toBe(10);
		expect(publishCount(13)).toBe(15);
		expect(publishCount(17)).toBe(15);
		expect(publishCount(18)).toBe(20);
		expect(publishCount(1234)).toBe(1235);
	});

	it('never publishes anything that is not a multiple of 5', () => {
		for (let n = 0; n < 500; n++) {
			const p = publishCount(n);
			if (p !== null) expect(p % ROUND_TO).toBe(0);
		}
	});

	it('refuses what is not a count', () => {
		expect(() => publishCount(-1)).toThrow(RangeError);
		expect(() => publishCount(2.5)).toThrow(RangeError);
	});
});

describe('publishShare', () => {
	it('withholds a small count, a small total and a small complement', () => {
		expect(publishShare(1, 5)).toEqual({ suppressed: true }); // small total
		expect(publishShare(3, 40)).toEqual({ suppressed: true }); // small count
		expect(publishShare(16, 17)).toEqual({ suppressed: true }); // one person not in date
		expect(publishShare(33, 40)).toEqual({ suppressed: true }); // seven not in date
	});

	it('shows the rest from the rounded figures only', () => {
		expect(publishShare(17, 17)).toEqual({ suppressed: false, count: 15, total: 15, share: 1 });
		expect(publishShare(0, 12)).toEqual({ suppressed: false, count: 0, total: 10, share: 0 });
		expect(publishShare(32, 40)).toEqual({ suppressed: false, count: 30, total: 40, share: 0.75 });
	});

	it('leaves an empty group withheld rather than dividing by nothing', () => {
		expect(publishShare(0, 0)).toEqual({ suppressed: true });
	});

	it('makes one more person invisible whenever either figure was small', () => {
		// The outside tester's attack: read a group, add one starter, read again. Whenever the exact figures
		// before or after had a small count or complement, the answer is withheld, so no difference shows.
		for (let total = 1; total < 60; total++)
			for (let count = 0; count <= total; count++) {
				const before = publishShare(count, total);
				const after = publishShare(count, total + 1);
				if (!before.suppressed) expect([count, total - count].every((n) => n === 0 || n > SUPPRESS_UP_TO)).toBe(true);
				if (!after.suppressed) expect(after.total % ROUND_TO).toBe(0);
			}
	});

	it('refuses a count above its total', () => {
		expect(() => publishShare(6, 5)).toThrow(RangeError);
	});
});
