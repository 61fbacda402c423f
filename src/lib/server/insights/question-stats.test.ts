import { describe, expect, it } from 'vitest';
import { discrimination, facility, groupFacility, questionFlags, type ScoreBand } from './question-stats';

describe('question statistics', () => {
	it('facility is the share right, and nothing when nobody answered', () => {
		expect(facility(3, 4)).toBe(0.75);
		expect(facility(0, 0)).toBeNull();
		expect(() => facility(5, 4)).toThrow(RangeError);
	});

	it('takes the top and bottom 27% by score, sharing a boundary band in proportion', () => {
		// 100 learners: 27 at 100 (all right), 46 at 50 (half right), 27 at 0 (none right)
		const bands: ScoreBand[] = [
			{ score: 100, learners: 27, right: 27 },
			{ score: 50, learners: 46, right: 23 },
			{ score: 0, learners: 27, right: 0 }
		];
		expect(groupFacility(bands, 'top')).toBeCloseTo(1);
		expect(groupFacility(bands, 'bottom')).toBeCloseTo(0);
		expect(discrimination(bands)).toBeCloseTo(1);
		// 10 learners, all at one score: both groups are the same band, so the question cannot discriminate
		expect(discrimination([{ score: 60, learners: 10, right: 4 }])).toBeCloseTo(0);
		// top group of 2.7 learners: 2 at 100 (both right) and 0.7 of the 8 at 50 (none right)
		const cut: ScoreBand[] = [
			{ score: 100, learners: 2, right: 2 },
			{ score: 50, learners: 8, right: 0 }
		];
		expect(groupFacility(cut, 'top')).toBeCloseTo(2 / 2.7);
	});

	it('is negative when stronger learners miss the question more often', () => {
		const bands: ScoreBand[] = [
			{ score: 90, learners: 30, right: 3 },
			{ score: 40, learners: 40, right: 20 },
			{ score: 10, learners: 30, right: 27 }
		];
		expect(discrimination(bands)!).toBeLessThan(0);
		expect(discrimination([])).toBeNull();
	});

	it('flags too easy above 0.9, too hard below 0.3, and negative discrimination; withheld figures raise nothing', () => {
		expect(questionFlags({ facility: 0.95, discrimination: 0.1 })).toEqual(['too-easy']);
		expect(questionFlags({ facility: 0.9, discrimination: 0 })).toEqual([]);
		expect(questionFlags({ facility: 0.29, discrimination: -0.2 })).toEqual(['too-hard', 'negative-discrimination']);
		expect(questionFlags({ facility: 0.3, discrimination: null })).toEqual([]);
		expect(questionFlags({ facility: null, discrimination: null })).toEqual([]);
	});
});
