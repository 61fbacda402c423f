/**
 * Sessions happen at London wall-clock times, stored as UTC instants. Forms give a date and a time as people in
 * London read them; this turns them into the instant, across the change between GMT and BST. Pure: no database.
 */

const parts = new Intl.DateTimeFormat('en-GB', {
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
	timeZone: 'Europe/London'
});

const HOUR = 3_600_000;

function wallParts(instant: number) {
	const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
	return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

export type WallTimeResult = { ok: true; at: Date } | { ok: false; error: string };

/**
 * The instant London's clocks show `date` (YYYY-MM-DD) and `time` (HH:MM). On the last Sunday of March the hour from
 * 01:00 does not exist (clocks go forward), and is refused; on the last Sunday of October the hour from 01:00 happens
 * twice, and the first (BST) is meant, as a booking system would read "01:30" on a notice.
 */
export function londonWallTime(date: string, time: string): WallTimeResult {
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const t = /^(\d{2}):(\d{2})$/.exec(time);
	if (!d || !t) return { ok: false, error: 'Enter the date as YYYY-MM-DD and the time as HH:MM' };
	const [y, m, day, h, min] = [...d.slice(1), ...t.slice(1)].map(Number);
	const asUtc = Date.UTC(y, m - 1, day, h, min);
	if (h > 23 || min > 59 || new Date(asUtc).getUTCDate() !== day || new Date(asUtc).getUTCMonth() !== m - 1)
		return { ok: false, error: 'That date or time does not exist' };
	// London is UTC+1 (BST) or UTC+0 (GMT): the first reading that shows the same wall time is the one meant.
	for (const offset of [HOUR, 0]) {
		const instant = asUtc - offset;
		const wall = wallParts(instant);
		if (wall.date === date && wall.time === time) return { ok: true, at: new Date(instant) };
	}
	return { ok: false, error: `${time} does not happen in London on ${date}: the clocks go forward an hour at 01:00` };
}

/** The London date and time of an instant, as a form's fields take them. */
export function londonWallParts(at: Date): { date: string; time: string } {
	return wallParts(at.getTime());
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
	timeZone: 'Europe/London'
});
const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

/** Formatted times by start and end: every learner's list shows the same sessions, and Intl formatting is costly. */
const formatted = new Map<string, string>();
const FORMATTED_KEPT = 5000;

/** For example "Sat, 28 Mar 2026, 09:30 to 16:30" in London time. */
export function formatSessionTime(startsAt: Date, endsAt: Date): string {
	const key = `${startsAt.getTime()}/${endsAt.getTime()}`;
	let text = formatted.get(key);
	if (text === undefined) {
		const sameDay = wallParts(startsAt.getTime()).date === wallParts(endsAt.getTime()).date;
		text = `${dateTime.format(startsAt)} to ${sameDay ? timeOnly.format(endsAt) : dateTime.format(endsAt)}`;
		if (formatted.size >= FORMATTED_KEPT) formatted.clear();
		formatted.set(key, text);
	}
	return text;
}

/** For example "Sat, 28 Mar 2026, 09:30". */
export function formatLondonDateTime(at: Date): string {
	return dateTime.format(at);
}
