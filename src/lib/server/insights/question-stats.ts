/**
 * Classical item statistics for a knowledge check, from first attempts only. Pure: no database.
 * - Facility: the share of learners who got a question right at their first attempt.
 * - Discrimination: facility in the top 27% of learners by score minus facility in the bottom 27% (Kelley's
 *   groups). Learners come in score bands (a quiz of n questions has n + 1 possible scores), so a group's boundary
 *   usually cuts a band: that band counts in proportion, which is the expected value had its ties been broken at
 *   random. A negative figure means stronger learners miss the question more often than weaker ones.
 */

/** Kelley's 27%: the share of learners in each of the top and bottom groups. */
export const GROUP_FRACTION = 0.27;
/** Above this facility a question is flagged as too easy. */
export const TOO_EASY_ABOVE = 0.9;
/** Below this facility a question is flagged as too hard. */
export const TOO_HARD_BELOW = 0.3;

/** Learners at one first-attempt score, and how many of them got the question right. */
export type ScoreBand = { score: number; learners: number; right: number };

/** Share right, or null when nobody answered. */
export function facility(right: number, total: number): number | null {
	if (right < 0 || right > total) throw new RangeError(`${right} right of ${total}`);
	return total === 0 ? null : right / total;
}

/** The size of each group (fractional: a band at the boundary counts in part). */
export const groupSize = (learners: number, fraction = GROUP_FRACTION) => learners * fraction;

/** The share right in the top or bottom group. */
export function groupFacility(bands: readonly ScoreBand[], end: 'top' | 'bottom', fraction = GROUP_FRACTION): number | null {
	const learners = bands.reduce((sum, b) => sum + b.learners, 0);
	const size = groupSize(learners, fraction);
	if (size <= 0) return null;
	const ordered = [...bands].filter((b) => b.learners > 0).sort((a, b) => (end === 'top' ? b.score - a.score : a.score - b.score));
	let remaining = size;
	let right = 0;
	for (const band of ordered) {
		if (remaining <= 0) break;
		const taken = Math.min(band.learners, remaining);
		right += (band.right * taken) / band.learners;
		remaining -= taken;
	}
	return right / size;
}

/** Top group's facility minus the bottom group's, from -1 to 1; null with no learners. */
export function discrimination(bands: readonly ScoreBand[], fraction = GROUP_FRACTION): number | null {
	const top = groupFacility(bands, 'top', fraction);
	const bottom = groupFacility(bands, 'bottom', fraction);
	return top === null || bottom === null ? null : top - bottom;
}

export type QuestionFlag = 'too-easy' | 'too-hard' | 'negative-discrimination';

export const FLAG_TEXT: Record<QuestionFlag, string> = {
	'too-easy': `Too easy (more than ${TOO_EASY_ABOVE * 100}% right)`,
	'too-hard': `Too hard (fewer than ${TOO_HARD_BELOW * 100}% right)`,
	'negative-discrimination': 'Negative discrimination (stronger learners miss it more often)'
};

/** What an author should look at; a figure that is not published (null) raises no flag. */
export function questionFlags(figures: { facility: number | null; discrimination: number | null }): QuestionFlag[] {
	const flags: QuestionFlag[] = [];
	if (figures.facility !== null && figures.facility > TOO_EASY_ABOVE) flags.push('too-easy');
	if (figures.facility !== null && figures.facility < TOO_HARD_BELOW) flags.push('too-hard');
	if (figures.discrimination !== null && figures.discrimination < 0) flags.push('negative-discrimination');
	return flags;
}
