/** London wall-clock time for the audit trail: what the people who read it mean by a time or a day. */

const withSeconds = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
	timeZone: 'Europe/London'
});

const parts = new Intl.DateTimeFormat('en-GB', {
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
	timeZone: 'Europe/London'
});

/** For example "3 Mar 2026, 14:05:09"; seconds matter when reading an audit trail. */
export function formatLondonTime(date: Date): string {
	return withSeconds.format(date);
}

/** How far London is ahead of UTC at an instant, in milliseconds (0 in winter, one hour in summer). */
function londonOffset(instant: number): number {
	const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
	const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
	return wall - Math.floor(instant / 1000) * 1000;
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

/** The London calendar day (YYYY-MM-DD) an instant falls on. */
export function londonDay(date: Date): string {
	const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
	return `${p.year}-${p.month}-${p.day}`;
}
