/** The words of a refresher reminder: one line per item, and a summary that is also the subject. */
import { formatDate } from '../../competency-status';
import { daysBetween, type IsoDate } from '../competency/dates';

export type Threshold = 'due-soon' | 'final' | 'expired';
export type ReminderItem = { title: string; expiresOn: IsoDate; threshold: Threshold };

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export function itemLine(item: ReminderItem, today: IsoDate): string {
	if (item.threshold === 'expired') return `${item.title}: expired on ${formatDate(item.expiresOn)}`;
	return `${item.title}: expires on ${formatDate(item.expiresOn)} (in ${days(daysBetween(today, item.expiresOn))})`;
}

export function reminderSummary(items: ReminderItem[], today: IsoDate): string {
	if (items.length === 1) {
		const [item] = items;
		if (item.threshold === 'expired') return `Your “${item.title}” training has expired`;
		if (item.threshold === 'final') return `Your “${item.title}” training expires in ${days(daysBetween(today, item.expiresOn))}`;
		return `Your “${item.title}” training is due for a refresher`;
	}
	const expired = items.filter((i) => i.threshold === 'expired').length;
	if (expired === items.length) return `${items.length} parts of your training have expired`;
	if (expired) return `${items.length} parts of your training need a refresher, ${expired} of them already expired`;
	return `${items.length} parts of your training are due for a refresher`;
}
