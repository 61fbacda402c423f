/**
 * London wall-clock time: the one place that turns instants into what people in London read, and back.
 * Training, audit trails, sessions and digests all speak Europe/London (GMT or BST); instants are stored as UTC.
 * Pure: no database. Building a formatter is costly, so each is built once.
 */

const ZONE = 'Europe/London';
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOUR = 3_600_000;

/** Every field of a London wall time, read one at a time (formatToParts). */
const wallFields = new Intl.DateTimeFormat('en-GB', {
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	weekday: 'short',
	hourCycle: 'h23',
	timeZone: ZONE
});
// en-CA writes a date as YYYY-MM-DD, so the London day needs no assembling from parts.
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const withSeconds = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
	timeZone: ZONE
});
const weekdayDateTime = new Intl.DateTimeFormat('en-GB', {
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
	timeZone: ZONE
});
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE });
const longDateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: ZONE });
const hoursMinutes = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE });
const hoursMinutesSeconds = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: ZONE });

function wall(instant: Date | number): Record<string, string> {
	return Object.fromEntries(wallFields.formatToParts(instant).map((x) => [x.type, x.value]));
}

// London's offset from UTC is whole hours, so its days begin on a whole UTC minute: every instant in one minute
// falls on the same London day. Pages ask for today several times a request; the last minute's answer is kept.
let lastMinute = NaN;
let lastDay = '';

/** The London calendar day (YYYY-MM-DD) an instant falls on: by default today, where the training happens. */
export function londonDay(at: Date = new Date()): string {
	const minute = Math.floor(at.getTime() / 60_000);
	if (minute !== lastMinute) {
		lastDay = isoDay.format(at); // throws for an invalid date, as before
		lastMinute = minute;
	}
	return lastDay;
}

/** The London date, hour and weekday (Monday 0) of an instant. */
export function londonClock(now: Date): { date: string; hour: number; weekday: number } {
	const p = wall(now);
	return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), weekday: WEEKDAYS.indexOf(p.weekday) };
}

/** The London date and time of an instant, as a form's fields take them. */
export function londonWallParts(at: Date | number): { date: string; time: string } {
	const p = wall(at);
	return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** How far London is ahead of UTC at an instant, in milliseconds (0 in winter, one hour in summer). */
function londonOffset(instant: number): number {
	const p = wall(instant);
	const wallTime = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
	return wallTime - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a London calendar day (YYYY-MM-DD) begins. Clocks change at 01:00 UTC, never at midnight,
 * so the offset at UTC midnight of the same date is the offset at London midnight.
 */
export function londonDayStart(isoDate: string): Date {
	const [y, m, d] = isoDate.split('-').map(Number);
	const utcMidnight = Date.UTC(y, m - 1, d);
	return new Date(utcMidnight - londonOffset(utcMidnight));
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
		const shown = londonWallParts(instant);
		if (shown.date === date && shown.time === time) return { ok: true, at: new Date(instant) };
	}
	return { ok: false, error: `${time} does not happen in London on ${date}: the clocks go forward an hour at 01:00` };
}

/** For example "3 Mar 2026, 14:05:09"; seconds matter when reading an audit trail. */
export function formatLondonTime(date: Date): string {
	return withSeconds.format(date);
}

/** For example "Sat, 28 Mar 2026, 09:30". */
export function formatLondonDateTime(at: Date): string {
	return weekdayDateTime.format(at);
}

/** For example "Sat, 28 Mar 2026, 09:30 to 16:30" in London time. */
export function formatSessionTime(startsAt: Date, endsAt: Date): string {
	const key = `${startsAt.getTime()}/${endsAt.getTime()}`;
	let text = formattedSessionTimes.get(key);
	if (text === undefined) {
		const sameDay = londonWallParts(startsAt).date === londonWallParts(endsAt).date;
		text = `${weekdayDateTime.format(startsAt)} to ${sameDay ? hoursMinutes.format(endsAt) : weekdayDateTime.format(endsAt)}`;
		if (formattedSessionTimes.size >= SESSION_TIMES_KEPT) formattedSessionTimes.clear();
		formattedSessionTimes.set(key, text);
	}
	return text;
}

/** Formatted times by start and end: every learner's list shows the same sessions, and Intl formatting is costly. */
const formattedSessionTimes = new Map<string, string>();
const SESSION_TIMES_KEPT = 5000;

/** For example "3 March 2026 at 14:05": dates written on the server read the same wherever the page is opened. */
export function formatLondonLongDateTime(date: Date): string {
	return longDateTime.format(date);
}

/** For example "3 March 2026", the London day: a date shown on every view of a page (toLocaleDateString builds a formatter each time). */
export function formatLondonLongDate(date: Date): string {
	return longDate.format(date);
}

/** The clock time alone, for example "14:05:09". */
export function formatLondonClockTime(at: Date | number): string {
	return hoursMinutesSeconds.format(at);
}
