/**
 * When digests are due: Monday 07:00 in London (summer time or not), weekly or on the first Monday of each month.
 * A slot is named by its Monday's date. A digest is sent for the latest slot that has begun, once: a server that was
 * down on Monday morning sends it when it comes back.
 */
import { londonClock } from '../../london-time';
import { addDays, type IsoDate } from '../competency/dates';

export const DIGEST_HOUR = 7;

/** The Monday of the latest weekly slot at or before `now`. */
export function weeklySlot(now: Date): IsoDate {
	const { date, hour, weekday } = londonClock(now);
	const monday = addDays(date, -weekday);
	return weekday === 0 && hour < DIGEST_HOUR ? addDays(monday, -7) : monday;
}

/** The latest first Monday of a month, at 07:00, at or before `now`. */
export function monthlySlot(now: Date): IsoDate {
	const week = weeklySlot(now);
	const day = Number(week.slice(8, 10));
	return addDays(week, -7 * Math.floor((day - 1) / 7));
}

export function digestSlot(frequency: 'weekly' | 'monthly', now: Date): IsoDate {
	return frequency === 'weekly' ? weeklySlot(now) : monthlySlot(now);
}
