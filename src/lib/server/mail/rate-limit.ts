/**
 * A token bucket: at most `perMinute` messages a minute on average, in bursts of at most a second's worth, so that
 * a first run over all of London is spread out rather than thrown at the relay at once. Pure: the caller passes
 * the time, so its decisions can be tested without waiting.
 */
export class RateLimiter {
	readonly capacity: number;
	private readonly perMs: number;
	private tokens: number;
	private last: number | null = null;

	constructor(readonly perMinute: number) {
		if (!(perMinute >= 1)) throw new Error('A rate limit needs at least one message a minute');
		this.capacity = Math.max(1, Math.ceil(perMinute / 60));
		this.perMs = perMinute / 60_000;
		this.tokens = this.capacity;
	}

	private refill(now: number) {
		if (this.last !== null) this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, now - this.last) * this.perMs);
		this.last = now;
	}

	/** Milliseconds to wait before the next message may go; 0 means now. */
	delay(now: number): number {
		this.refill(now);
		return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.perMs);
	}

	/** Counts one message sent now; false (and nothing counted) if it was not allowed. */
	take(now: number): boolean {
		if (this.delay(now) > 0) return false;
		this.tokens -= 1;
		return true;
	}
}

/** Each process's share of the rate when `workers` processes send (WEB_CONCURRENCY), so that together they keep to it. */
export function shareOfRate(perMinute: number, workers: number): number {
	return Math.max(1, Math.floor(perMinute / Math.max(1, workers)));
}
