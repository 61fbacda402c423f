/**
 * What a decision's countdown shows and says (client-safe: the play page runs it in the browser). The
 * server decides what counts as late; this only keeps the learner informed.
 */

/**
 * The remaining seconds at which a screen reader is told how long is left, politely and never every
 * second: at half time for limits of two minutes or more, then at 30 and 10 seconds (only points
 * below the whole limit), largest first.
 */
export function announcementPoints(seconds: number): number[] {
	const points = new Set<number>([30, 10]);
	if (seconds >= 120) points.add(Math.floor(seconds / 2 / 10) * 10);
	return [...points].filter((point) => point < seconds).sort((a, b) => b - a);
}

/** "1:05" for 65 seconds; never below zero. */
export function clockText(seconds: number): string {
	const whole = Math.max(0, Math.ceil(seconds));
	return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Words for an announcement: "1 minute 30 seconds left to decide." */
export function leftText(seconds: number): string {
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	const parts = [minutes ? `${minutes} minute${minutes === 1 ? '' : 's'}` : '', rest ? `${rest} second${rest === 1 ? '' : 's'}` : ''].filter(Boolean);
	return `${parts.join(' ')} left to decide.`;
}

/** The announcement due when the time left falls from `before` to `now` seconds, if any. */
export function dueAnnouncement(points: readonly number[], before: number, now: number): string | null {
	if (before > 0 && now <= 0) return 'Time is up. The situation has moved on: whatever you choose now will be treated as too late.';
	const crossed = points.filter((point) => before > point && now <= point);
	return crossed.length ? leftText(Math.min(...crossed)) : null;
}
