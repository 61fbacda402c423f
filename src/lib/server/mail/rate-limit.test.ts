import { describe, expect, it } from 'vitest';
import { RateLimiter, shareOfRate } from './rate-limit';

describe('the sending rate limit', () => {
	it('allows a second’s worth at once, then one message per 1/rate of a minute', () => {
		const limiter = new RateLimiter(600); // 10 a second
		expect(limiter.capacity).toBe(10);
		const t = 1_000_000;
		for (let i = 0; i < 10; i++) expect(limiter.take(t)).toBe(true);
		expect(limiter.take(t)).toBe(false);
		expect(limiter.delay(t)).toBe(100);
		expect(limiter.take(t + 99)).toBe(false);
		expect(limiter.take(t + 100)).toBe(true);
		expect(limiter.take(t + 100)).toBe(false);
		// After a quiet spell it never banks more than a second's worth.
		const later = t + 3_600_000;
		let allowed = 0;
		while (limiter.take(later)) allowed++;
		expect(allowed).toBe(10);
	});

	it('keeps to the rate over a minute of steady demand', () => {
		const limiter = new RateLimiter(120);
		let sent = 0;
		for (let ms = 0; ms < 60_000; ms += 10) if (limiter.take(ms)) sent++;
		// The initial burst of 2 plus 2 a second.
		expect(sent).toBeGreaterThanOrEqual(120);
		expect(sent).toBeLessThanOrEqual(122);
	});

	it('slow rates: one at a time', () => {
		const limiter = new RateLimiter(1);
		expect(limiter.capacity).toBe(1);
		expect(limiter.take(0)).toBe(true);
		expect(limiter.delay(0)).toBe(60_000);
		expect(limiter.take(59_999)).toBe(false);
		expect(limiter.take(60_000)).toBe(true);
	});

	it('splits the rate between server processes', () => {
		expect(shareOfRate(600, 1)).toBe(600);
		expect(shareOfRate(600, 4)).toBe(150);
		expect(shareOfRate(3, 4)).toBe(1);
		expect(() => new RateLimiter(0)).toThrow();
	});
});
