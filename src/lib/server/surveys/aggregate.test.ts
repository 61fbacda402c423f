/** Survey aggregates under the small-number rule: pure. */
import { describe, expect, it } from 'vitest';
import { publishSurvey, textBar, percent } from './aggregate';
import type { SurveyDefinition } from './definition';
import type { RatingTally } from './store';

const definition: SurveyDefinition = {
	ratings: [
		{ id: 'relevant', question: 'Relevant?', low: 'Not at all', high: 'Very' },
		{ id: 'clear', question: 'Clear?', low: 'Unclear', high: 'Clear' },
		{ id: 'new', question: 'Added later?', low: 'No', high: 'Yes' }
	],
	comment: { label: 'Anything else?' }
};

/** Tallies for an item from counts of ratings 1..5. */
const tallies = (itemId: string, counts: number[]): RatingTally[] => counts.flatMap((answers, i) => (answers ? [{ itemId, rating: i + 1, answers }] : []));

describe('publishSurvey', () => {
	it('no answers: says so', () => {
		expect(publishSurvey(definition, 0, [])).toEqual({ state: 'none' });
	});

	it('1 to 7 answers: the whole group is withheld', () => {
		for (const n of [1, 7]) expect(publishSurvey(definition, n, tallies('relevant', [0, 0, 0, 0, n]))).toEqual({ state: 'withheld' });
	});

	it('8 or more: the count rounded, the mean from the answers, each rating share under the rule', () => {
		// 40 answers: 0 × 1, 2 × 2, 10 × 3, 18 × 4, 10 × 5 → 156 / 40 = mean 3.9
		const published = publishSurvey(definition, 40, [...tallies('relevant', [0, 2, 10, 18, 10]), ...tallies('clear', [0, 0, 0, 0, 40])]);
		if (published.state !== 'shown') throw new Error('expected figures');
		expect(published.responses).toBe(40);
		const [relevant, clear, added] = published.items;
		expect(relevant.mean).toBe(3.9);
		expect(relevant.answers).toBe(40);
		expect(relevant.distribution.map((d) => d.count)).toEqual([0, null, 10, 20, 10]); // 2 withheld; 18 rounds to 20
		expect(relevant.distribution[1].share).toBeNull();
		expect(relevant.distribution[3].share).toBe(0.5); // from the rounded figures: 20 of 40
		expect(relevant.distribution[0]).toMatchObject({ label: 'Not at all', count: 0, share: 0 });
		expect(relevant.distribution[4].label).toBe('Very');
		expect(clear.distribution.map((d) => d.count)).toEqual([0, 0, 0, 0, 40]);
		expect(clear.mean).toBe(5);
		// An item with no answers of its own (added to the survey later) shows nothing.
		expect(added).toMatchObject({ answers: null, mean: null });
		expect(added.distribution.every((d) => d.count === null)).toBe(true);
	});

	it('a rating whose complement is small is withheld: "9 of 12" would say what the other 3 gave', () => {
		const published = publishSurvey(definition, 12, tallies('relevant', [0, 0, 0, 3, 9]));
		if (published.state !== 'shown') throw new Error('expected figures');
		expect(published.responses).toBe(10); // 12 rounds to 10
		expect(published.items[0].distribution.map((d) => d.count)).toEqual([0, 0, 0, null, null]);
		expect(published.items[0].mean).toBe(4.8);
	});

	it('text bars follow the share', () => {
		expect(textBar(0.5)).toHaveLength(10);
		expect(textBar(0)).toBe('');
		expect(percent(0.25)).toBe(25);
	});
});
