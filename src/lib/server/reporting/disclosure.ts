/**
 * Statistical disclosure control for every aggregate that leaves the scope it was counted in (the partnership view
 * and its CSV, managers' digests). The rule is NHS Digital's for sub-national counts of individuals (see
 * docs/disclosure-control.md): 0 is shown as 0, 1 to 7 is withheld, anything larger is rounded to the nearest 5.
 * A proportion is withheld when its count, its total or its complement (total minus count) is 1 to 7, since a
 * small complement singles people out as surely as a small count ("17 of 17" says all of them, "16 of 17" that one
 * is not); otherwise it is shown from the rounded figures, never from the exact ones, so that an exact share cannot
 * be turned back into exact counts. Pure: no database.
 */

/** Counts from 1 to this are withheld. */
export const SUPPRESS_UP_TO = 7;
/** Counts above SUPPRESS_UP_TO are rounded to a multiple of this. */
export const ROUND_TO = 5;

/** A count as published: the rounded figure, or null when withheld. */
export function publishCount(n: number): number | null {
	if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count of people is a whole number of 0 or more, not ${n}`);
	if (n === 0) return 0;
	if (n <= SUPPRESS_UP_TO) return null;
	// Half up: 12.5 → 15. Monotone, so a rounded part is never more than its rounded whole.
	return Math.floor(n / ROUND_TO + 0.5) * ROUND_TO;
}

export type PublishedShare = { suppressed: true } | { suppressed: false; count: number; total: number; share: number };

const small = (n: number) => n >= 1 && n <= SUPPRESS_UP_TO;

/** `count` of `total` people as published: withheld when the count, the total or the rest is 1 to 7. */
export function publishShare(count: number, total: number): PublishedShare {
	if (count > total) throw new RangeError(`a count (${count}) cannot exceed its total (${total})`);
	const roundedCount = publishCount(count);
	const roundedTotal = publishCount(total);
	if (roundedCount === null || roundedTotal === null || small(total - count) || roundedTotal === 0) return { suppressed: true };
	return { suppressed: false, count: roundedCount, total: roundedTotal, share: roundedCount / roundedTotal };
}

/** How a withheld figure reads on a page or in a CSV file. */
export const WITHHELD_TEXT = 'withheld';
export const WITHHELD_CSV = '*';
