/** Calendar dates as ISO strings (YYYY-MM-DD): what a training record means by a date. */
export type IsoDate = string;

// Status derivation asks the same few thousand date questions over and over (every cycle of every person
// on a dashboard or in the synthetic seed), so answers are kept. Bounded: cleared when it grows large.
const CACHE_LIMIT = 100_000;
const monthsCache = new Map<string, IsoDate>();
const dayNumbers = new Map<IsoDate, number>();

export function addMonths(date: IsoDate, months: number): IsoDate {
	const key = `${date}|${months}`;
	let result = monthsCache.get(key);
	if (result === undefined) {
		result = computeAddMonths(date, months);
		if (monthsCache.size >= CACHE_LIMIT) monthsCache.clear();
		monthsCache.set(key, result);
	}
	return result;
}

function computeAddMonths(date: IsoDate, months: number): IsoDate {
	const [y, m, d] = date.split('-').map(Number);
	const target = new Date(Date.UTC(y, m - 1 + months, 1));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(d, lastDay)); // 31 January + 1 month = 28 or 29 February
	return target.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
	const t = new Date(`${date}T00:00:00Z`);
	t.setUTCDate(t.getUTCDate() + days);
	return t.toISOString().slice(0, 10);
}

function dayNumber(date: IsoDate): number {
	let n = dayNumbers.get(date);
	if (n === undefined) {
		n = Date.parse(`${date}T00:00:00Z`) / 86400000;
		if (dayNumbers.size >= CACHE_LIMIT) dayNumbers.clear();
		dayNumbers.set(date, n);
	}
	return n;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round(dayNumber(to) - dayNumber(from));
}

/** Today in London, where the training happens (one London-time module for the whole app). */
export { londonDay as londonToday } from '../../london-time';
