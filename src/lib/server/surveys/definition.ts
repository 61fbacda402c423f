/**
 * The learner evaluation surveys (content/surveys.yaml, Kirkpatrick level 1): one set of questions for modules and
 * one for scenarios, each three to five rating items on a 1–5 scale with both ends labelled, and one free-text box.
 * Parsed and checked by the content index (content/build.ts), at build by `npm run content:check` and in tests.
 */
import { z } from 'zod';
import { ContentError } from '../content/errors';
import { readYamlFile } from '../content/yaml-file';

export const SURVEY_KINDS = ['module', 'scenario'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** The scale every rating item uses. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const MIN_ITEMS = 3;
export const MAX_ITEMS = 5;
/** The longest free-text answer accepted. */
export const COMMENT_MAX = 2000;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug (lower-case letters, digits and single hyphens)');
const words = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be ${max} characters or fewer`);

const rating = z.object({ id: slug, question: words(200), low: words(60), high: words(60) }).strict();
const survey = z
	.object({
		ratings: z.array(rating).min(MIN_ITEMS, `must have at least ${MIN_ITEMS} rating items`).max(MAX_ITEMS, `must have at most ${MAX_ITEMS} rating items`),
		comment: z.object({ label: words(200), hint: words(300).optional() }).strict()
	})
	.strict();
const surveysFile = z.object({ module: survey, scenario: survey }).strict();

export type RatingItem = z.infer<typeof rating>;
export type SurveyDefinition = z.infer<typeof survey>;
export type SurveyDefinitions = Readonly<Record<SurveyKind, SurveyDefinition>>;

/** Parses and checks the surveys file: both sets present, 3–5 items each with ids unique within their set. */
export function parseSurveys(path: string, source: string): SurveyDefinitions {
	const file = readYamlFile(path, source, surveysFile, (message) => new ContentError(message));
	const errors: string[] = [];
	for (const kind of SURVEY_KINDS) {
		const seen = new Set<string>();
		file[kind].ratings.forEach((item, i) => {
			if (seen.has(item.id)) errors.push(`${path}: field "${kind}.ratings.${i}.id" repeats the id "${item.id}"`);
			seen.add(item.id);
		});
	}
	if (errors.length) throw new ContentError(errors.join('\n'));
	return file;
}

export const isSurveyKind = (kind: string): kind is SurveyKind => (SURVEY_KINDS as readonly string[]).includes(kind);
