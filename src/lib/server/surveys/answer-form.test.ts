/** The survey form: ratings 1 to 5 for every item, free text up to 2,000 characters, clear messages. */
import { describe, expect, it } from 'vitest';
import { readAnswer } from './answer-form';
import type { SurveyDefinition } from './definition';

const definition: SurveyDefinition = {
	ratings: [
		{ id: 'relevant', question: 'How relevant?', low: 'Not', high: 'Very' },
		{ id: 'clear', question: 'How clear?', low: 'Not', high: 'Very' },
		{ id: 'confident', question: 'How confident?', low: 'Not', high: 'Very' }
	],
	comment: { label: 'Anything else?' }
};

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
};
const good = { 'rating-relevant': '5', 'rating-clear': '1', 'rating-confident': '3' };

describe('readAnswer', () => {
	it('reads every rating as a number and trims the comment (blank is none)', () => {
		expect(readAnswer(definition, form({ ...good, comment: '  Helpful.  ' }))).toMatchObject({
			ok: true,
			data: { ratings: { relevant: 5, clear: 1, confident: 3 }, comment: 'Helpful.' }
		});
		expect(readAnswer(definition, form({ ...good, comment: '   ' }))).toMatchObject({ ok: true, data: { comment: null } });
	});

	it.each([['0'], ['6'], ['3.5'], ['-1'], ['five'], [''], ['1e0']])('refuses the rating %j, naming the question', (value) => {
		const result = readAnswer(definition, form({ ...good, 'rating-clear': value }));
		expect(result).toMatchObject({ ok: false, errors: { 'rating-clear': 'Choose a rating from 1 to 5 for “How clear?”' } });
	});

	it('refuses a missing rating', () => {
		const { 'rating-confident': _, ...rest } = good;
		void _;
		expect(readAnswer(definition, form(rest))).toMatchObject({ ok: false, errors: { 'rating-confident': expect.stringContaining('How confident?') } });
	});

	it('refuses free text over 2,000 characters, or with control characters', () => {
		expect(readAnswer(definition, form({ ...good, comment: 'x'.repeat(2000) })).ok).toBe(true);
		expect(readAnswer(definition, form({ ...good, comment: 'x'.repeat(2001) }))).toMatchObject({
			ok: false,
			errors: { comment: 'Keep your comments to 2,000 characters or fewer' }
		});
		expect(readAnswer(definition, form({ ...good, comment: 'a\u0000b' }))).toMatchObject({ ok: false, errors: { comment: expect.stringMatching(/control/) } });
	});

	it('ignores fields for items the survey does not have', () => {
		expect(readAnswer(definition, form({ ...good, 'rating-other': '9' }))).toMatchObject({
			ok: true,
			data: { ratings: { relevant: 5, clear: 1, confident: 3 } }
		});
	});
});
