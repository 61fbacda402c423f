/**
 * Reading a survey form: every rating item answered with a whole number from 1 to 5 (field `rating-<id>`), and the
 * optional free text up to 2,000 characters. Messages are written for the learner; a refusal stores nothing.
 */
import { z } from 'zod';
import { cleanTextBox } from '../forms/fields';
import { parseForm, type Parsed } from '../forms/parse';
import { COMMENT_MAX, RATING_MAX, RATING_MIN, type SurveyDefinition } from './definition';
import type { SurveyAnswer } from './store';

export const ratingField = (itemId: string) => `rating-${itemId}`;

function ratingSchema(question: string) {
	const message = `Choose a rating from ${RATING_MIN} to ${RATING_MAX} for “${question}”`;
	return z
		.string({ error: message })
		.regex(/^\d$/, message)
		.transform(Number)
		.refine((n) => n >= RATING_MIN && n <= RATING_MAX, message);
}

const commentSchema = z
	.string()
	.max(COMMENT_MAX, `Keep your comments to ${COMMENT_MAX.toLocaleString('en-GB')} characters or fewer`)
	.refine(cleanTextBox, 'Your comments must not contain control characters')
	.optional()
	.transform((v) => (v?.trim() ? v.trim() : null));

export function readAnswer(definition: SurveyDefinition, form: FormData): Parsed<SurveyAnswer> {
	const shape: Record<string, z.ZodType> = { comment: commentSchema };
	for (const item of definition.ratings) shape[ratingField(item.id)] = ratingSchema(item.question);
	const parsed = parseForm(z.object(shape), form);
	if (!parsed.ok) return parsed;
	const data = parsed.data as Record<string, unknown>;
	const ratings = Object.fromEntries(definition.ratings.map((item) => [item.id, data[ratingField(item.id)] as number]));
	return { ok: true, data: { ratings, comment: data.comment as string | null }, values: parsed.values };
}
