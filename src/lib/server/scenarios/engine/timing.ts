/**
 * Adjustable time limits for timed decisions (WCAG 2.2.1 Timing Adjustable). Before a run the learner
 * chooses the scenario's own limits, twice or four times as long, or none; the choice is stored with the
 * run and the server judges every answer by it.
 *
 * The clock rule: a decision's clock starts when the server serves it (the run's `shownAt`, set when the
 * run starts, after each step and whenever the play page is loaded again). So a run left and resumed later,
 * in this tab or another, starts the current decision afresh and never counts as having missed it; an
 * answer is late only when it comes more than the limit after the page it answers was last served.
 */
export const TIME_LIMITS = ['standard', 'double', 'quadruple', 'off'] as const;
export type TimeLimit = (typeof TIME_LIMITS)[number];

const FACTORS: Readonly<Record<TimeLimit, number | null>> = { standard: 1, double: 2, quadruple: 4, off: null };

export const TIME_LIMIT_LABELS: Readonly<Record<TimeLimit, string>> = {
	standard: 'The scenario’s own time limits',
	double: 'Twice as long',
	quadruple: 'Four times as long',
	off: 'No time limits'
};

/** Short words for tables and the audit: "standard", "×2", "×4", "off". */
export const TIME_LIMIT_SHORT: Readonly<Record<TimeLimit, string>> = { standard: 'Standard', double: '×2', quadruple: '×4', off: 'Off' };

export function isTimeLimit(value: unknown): value is TimeLimit {
	return typeof value === 'string' && (TIME_LIMITS as readonly string[]).includes(value);
}

/** The seconds a learner has for a decision under their chosen limit, or null when it is untimed for them. */
export function effectiveDeadline(deadlineSeconds: number | null, limit: TimeLimit): number | null {
	const factor = FACTORS[limit];
	if (deadlineSeconds === null || factor === null) return null;
	return deadlineSeconds * factor;
}

/** When the decision served at `shownAt` must be answered by, or null when it is untimed. */
export function deadlineAt(deadlineSeconds: number | null, limit: TimeLimit, shownAt: Date): Date | null {
	const seconds = effectiveDeadline(deadlineSeconds, limit);
	return seconds === null ? null : new Date(shownAt.getTime() + seconds * 1000);
}
