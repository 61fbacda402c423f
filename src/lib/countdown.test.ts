import { describe, expect, it } from 'vitest';
import { announcementPoints, clockText, dueAnnouncement, leftText } from './countdown';

describe('announcementPoints', () => {
	it('announces at 30 and 10 seconds, and at half time for long limits, only below the limit', () => {
		expect(announcementPoints(45)).toEqual([30, 10]);
		expect(announcementPoints(30)).toEqual([10]);
		expect(announcementPoints(180)).toEqual([90, 30, 10]);
		expect(announcementPoints(125)).toEqual([60, 30, 10]);
		expect(announcementPoints(8)).toEqual([]);
	});
});

describe('clockText and leftText', () => {
	it('writes the time left as a clock and in words', () => {
		expect(clockText(65)).toBe('1:05');
		expect(clockText(0.2)).toBe('0:01');
		expect(clockText(-3)).toBe('0:00');
		expect(leftText(90)).toBe('1 minute 30 seconds left to decide.');
		expect(leftText(120)).toBe('2 minutes left to decide.');
		expect(leftText(1)).toBe('1 second left to decide.');
	});
});

describe('dueAnnouncement', () => {
	const points = announcementPoints(45);
	it('speaks once when a point is crossed, and when time runs out', () => {
		expect(dueAnnouncement(points, 31, 30)).toBe('30 seconds left to decide.');
		expect(dueAnnouncement(points, 30, 29)).toBeNull();
		expect(dueAnnouncement(points, 45, 44)).toBeNull();
		// a tab asleep for a while says only the latest point it passed
		expect(dueAnnouncement(points, 40, 9)).toBe('10 seconds left to decide.');
		expect(dueAnnouncement(points, 1, 0)).toMatch(/^Time is up/);
		expect(dueAnnouncement(points, 0, -1)).toBeNull();
	});
});
