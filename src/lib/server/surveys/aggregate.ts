/**
 * What a survey's answers look like once they leave the people who gave them: the number of answers and, per rating
 * item, the mean and the distribution, under the small-number rule (reporting/disclosure.ts). A group of 1 to 7
 * answers is withheld as a whole (free text included); otherwise counts are rounded to 5 and each rating's share is
 * withheld when it, or the rest of the item's answers, is 1 to 7. The mean is a statistic of 8 or more answers,
 * given to one decimal place. Pure: no database.
 */
import { publishCount, publishShare, SUPPRESS_UP_TO } from '../reporting/disclosure';
import { RATING_MAX, RATING_MIN, type SurveyDefinition } from './definition';
import type { RatingTally } from './store';

export type PublishedRating = { rating: number; label: string | null; count: number | null; share: number | null };
export type PublishedItem = {
	id: string;
	question: string;
	low: string;
	high: string;
	/** Rounded like any count; null when the item's own answers are withheld (fewer than 8: an item added later). */
	answers: number | null;
	mean: number | null;
	distribution: PublishedRating[];
};
export type PublishedSurvey = { state: 'none' } | { state: 'withheld' } | { state: 'shown'; responses: number; items: PublishedItem[] };

/** Whether a group of this many answers may be shown at all (its figures, and its free text to those who may read it). */
export const groupShown = (responses: number) => responses > SUPPRESS_UP_TO;

const RATINGS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);

export function publishSurvey(definition: SurveyDefinition, responses: number, tallies: readonly RatingTally[]): PublishedSurvey {
	if (responses === 0) return { state: 'none' };
	if (!groupShown(responses)) return { state: 'withheld' };
	const items = definition.ratings.map((item): PublishedItem => {
		const counts = new Map(tallies.filter((t) => t.itemId === item.id).map((t) => [t.rating, t.answers]));
		const answered = RATINGS.reduce((sum, r) => sum + (counts.get(r) ?? 0), 0);
		const shown = groupShown(answered);
		const total = RATINGS.reduce((sum, r) => sum + r * (counts.get(r) ?? 0), 0);
		return {
			id: item.id,
			question: item.question,
			low: item.low,
			high: item.high,
			answers: shown ? publishCount(answered) : null,
			mean: shown ? Math.round((total / answered) * 10) / 10 : null,
			distribution: RATINGS.map((rating) => {
				const share = shown ? publishShare(counts.get(rating) ?? 0, answered) : { suppressed: true as const };
				return {
					rating,
					label: rating === RATING_MIN ? item.low : rating === RATING_MAX ? item.high : null,
					count: share.suppressed ? null : share.count,
					share: share.suppressed ? null : share.share
				};
			})
		};
	});
	return { state: 'shown', responses: publishCount(responses)!, items };
}

/** A share as a whole percentage, and a bar of up to 20 blocks for a text chart (the figure beside it is what counts). */
export function percent(share: number): number {
	return Math.round(share * 100);
}
export function textBar(share: number): string {
	return '█'.repeat(Math.round(share * 20));
}
