import { addDays, addMonths, type IsoDate } from '../competency/dates';

/** Month ends for the trend chart: the last day of each of the previous 12 months, then today. */
export function trendDates(today: IsoDate): IsoDate[] {
	const firstOfMonth = `${today.slice(0, 8)}01`;
	const dates = Array.from({ length: 12 }, (_, i) => addDays(addMonths(firstOfMonth, -11 + i), -1));
	return [...dates, today];
}
