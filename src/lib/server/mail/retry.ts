/** How long to wait before each retry after a temporary failure: eight tries over about a day, then the message fails. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 60 * 60_000, 6 * 60 * 60_000, 12 * 60 * 60_000];

/** When to try again after `attempts` tries, or null when that was the last. */
export function nextAttempt(attempts: number, now: Date, delays: readonly number[] = RETRY_DELAYS_MS): Date | null {
	if (attempts < 1 || attempts > delays.length) return null;
	return new Date(now.getTime() + delays[attempts - 1]);
}
