/** Calendar days as integers (days since 1970-01-01, UTC), which the generator works in for speed. */
import type { IsoDate } from '../../src/lib/server/competency/dates';

export const DAY_MS = 86_400_000;

export function dayOf(date: IsoDate): number {
	return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

const cache = new Map<number, IsoDate>();

/** The ISO date of a day number; cached, since the same few thousand days come up millions of times. */
export function isoOf(day: number): IsoDate {
	let iso = cache.get(day);
	if (iso === undefined) {
		iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
		cache.set(day, iso);
	}
	return iso;
}
