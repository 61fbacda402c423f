import type { CompetencyStatus } from './server/competency/status-rule';

// The names come from the status rule (a type only: nothing of the server reaches the browser).
export type { CompetencyStatus };

/** Competency statuses with the words and colour shown for each; the text always says the status. */
export const COMPETENCY_STATUS: Record<CompetencyStatus, { label: string; colour: 'grey' | 'green' | 'amber' | 'red' }> = {
	'not-achieved': { label: 'Not yet achieved', colour: 'grey' },
	overdue: { label: 'Overdue', colour: 'red' },
	current: { label: 'Current', colour: 'green' },
	'due-soon': { label: 'Due soon', colour: 'amber' },
	expired: { label: 'Expired', colour: 'red' }
};

// toLocaleDateString builds a formatter on every call, which is slow when a dashboard shows hundreds of dates:
// one formatter, and the few thousand distinct dates remembered (bounded). Each is built on its first use, not when
// this file loads: in a phone's browser building the two took some 50 ms of the module page's start-up (4× more on
// Lighthouse's slow phone), for a page that shows none of these dates unless a module has changed.
let longDate: Intl.DateTimeFormat | undefined;
let shortMonth: Intl.DateTimeFormat | undefined;
const formatted = new Map<string, string>();

function remember(key: string, make: () => string): string {
	let text = formatted.get(key);
	if (text === undefined) {
		if (formatted.size >= 20_000) formatted.clear();
		formatted.set(key, (text = make()));
	}
	return text;
}

export function formatDate(iso: string | null | undefined): string {
	if (!iso) return '–';
	return remember(iso, () =>
		(longDate ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(new Date(`${iso}T12:00:00Z`))
	);
}

/** The month of a date, abbreviated ("Nov"). */
export function formatMonth(iso: string): string {
	return remember(`m:${iso}`, () =>
		(shortMonth ??= new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' })).format(new Date(`${iso}T12:00:00Z`))
	);
}
