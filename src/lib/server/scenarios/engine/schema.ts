/**
 * Zod schemas for what authors write: the briefing frontmatter, the `meta` objects on states and transitions,
 * and the endings (docs/authoring.md, "Scenarios"). Outcome ids come from the scenario vocabulary (data), so the
 * schemas that name outcomes are built from it; competency ids are checked against content/competencies.yaml
 * by the content index, which knows both.
 *
 * The frontmatter schema is the whole contract. The meta and ending schemas check shape only (types, known keys):
 * missing or empty values are left for analyse(), which reports every gap in a scenario in one pass
 * together with the graph checks, instead of stopping at the first.
 */
import { z } from 'zod';
import { JOB_ROLE_IDS } from '../../../organisation-model';
import type { ScenarioVocabulary } from './vocabulary';
import { checkMajorChange, majorChangeSchema } from '../../content/major-change';

const nonEmptyText = z.string().trim().min(1, 'must not be empty');

/** Lower-case words joined by hyphens, as used in addresses and ids. */
const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function hasNoDuplicates(values: readonly string[]): boolean {
	return new Set(values).size === values.length;
}

export const sourceSchema = z
	.strictObject({
		title: nonEmptyText,
		url: z.url({ protocol: /^https?$/, error: 'must be an http or https address' }).optional(),
		citation: nonEmptyText.optional()
	})
	.refine((source) => source.url !== undefined || source.citation !== undefined, {
		message: 'needs a url or a citation'
	});

function passCriteriaSchema(outcomeIds: [string, ...string[]]) {
	return z.strictObject({
		outcomes: z.array(z.enum(outcomeIds)).min(1, 'must list at least one outcome'),
		minScore: z.int('must be a whole number'),
		noCriticalFlags: z.boolean()
	});
}

function frontmatterSchema(outcomeIds: [string, ...string[]]) {
	return z
		.strictObject({
			title: nonEmptyText,
			summary: nonEmptyText,
			playedAs: z.enum(JOB_ROLE_IDS),
			audience: z.array(z.enum(JOB_ROLE_IDS)).min(1, 'must list at least one job role').refine(hasNoDuplicates, 'lists a job role twice'),
			competencies: z.array(kebabId).min(1, 'must list at least one competency').refine(hasNoDuplicates, 'lists a competency twice'),
			minutes: z.int('must be a whole number of minutes').min(1).max(60),
			version: z.string().regex(SEMVER, 'must be a semantic version such as 1.0.0'),
			reviewed: z.iso.date('must be a date written YYYY-MM-DD'),
			pass: passCriteriaSchema(outcomeIds),
			sources: z.array(sourceSchema).min(1, 'must list at least one source'),
			/**
			 * This version is a major change everyone must learn: people whose latest pass is on an earlier major version
			 * are assigned the scenario, due by `retrainBy`, and see `whatChanged` (assignments/retraining.ts).
			 */
			majorChange: majorChangeSchema.optional()
		})
		.superRefine(checkMajorChange);
}

export type ScenarioFrontmatter = z.infer<ReturnType<typeof frontmatterSchema>>;
export type PassCriteria = ScenarioFrontmatter['pass'];
export type ScenarioSource = z.infer<typeof sourceSchema>;

export const choiceSchema = z.strictObject({
	event: nonEmptyText,
	label: nonEmptyText
});

/** `meta` of a non-final state. */
export const decisionMetaSchema = z.strictObject({
	narrative: z.string().optional(),
	choices: z.array(choiceSchema).optional(),
	deadlineSeconds: z.int('must be a whole number of seconds').positive().optional(),
	hesitate: nonEmptyText.optional()
});

/** `meta` of a transition in a state's `on`. */
export const transitionMetaSchema = z.strictObject({
	feedback: z.string().optional(),
	score: z.number().optional(),
	flags: z.array(nonEmptyText).optional()
});

export const learnMoreSchema = z.strictObject({
	module: kebabId,
	section: kebabId,
	label: nonEmptyText
});

/**
 * One entry of a scenario's endings.yaml: the words of a final state, keyed there by the state's id. Like the meta
 * schemas it checks shape only: an empty title or a missing debrief is reported by analyse().
 */
function endingSchema(outcomeIds: [string, ...string[]]) {
	return z.strictObject({
		outcome: z.enum(outcomeIds).optional(),
		title: z.string().optional(),
		narrative: z.string().optional(),
		debrief: z.string().optional(),
		learnMore: z.array(learnMoreSchema).optional()
	});
}

export interface VocabularySchemas {
	readonly frontmatter: ReturnType<typeof frontmatterSchema>;
	/** One entry of endings.yaml. */
	readonly ending: ReturnType<typeof endingSchema>;
}

const schemasByVocabulary = new WeakMap<ScenarioVocabulary, VocabularySchemas>();

/** The schemas that name outcomes, built once per vocabulary. */
export function vocabularySchemas(vocabulary: ScenarioVocabulary): VocabularySchemas {
	let schemas = schemasByVocabulary.get(vocabulary);
	if (!schemas) {
		const outcomeIds = vocabulary.outcomeIds();
		schemas = { frontmatter: frontmatterSchema(outcomeIds), ending: endingSchema(outcomeIds) };
		schemasByVocabulary.set(vocabulary, schemas);
	}
	return schemas;
}

export type DecisionMeta = z.infer<typeof decisionMetaSchema>;
export type TransitionMeta = z.infer<typeof transitionMetaSchema>;
export type Ending = z.infer<ReturnType<typeof endingSchema>>;
export type LearnMoreLink = z.infer<typeof learnMoreSchema>;

/** Turns zod issues into "field: message" strings, with paths written as authors write them. */
export function describeZodIssues(error: z.ZodError, fieldPrefix = ''): { field: string; message: string }[] {
	return error.issues.map((issue) => describeZodIssue(issue, fieldPrefix));
}

export function describeZodIssue(issue: z.ZodError['issues'][number], fieldPrefix = ''): { field: string; message: string } {
	return { field: formatPath(fieldPrefix, issue.path), message: plainMessage(issue.message) };
}

/** zod's wording for an absent field reads oddly to authors; say what is wrong instead. */
function plainMessage(message: string): string {
	const missing = /^Invalid input: expected (\w+), received undefined$/.exec(message);
	return missing ? `is missing (expected ${missing[1]})` : message;
}

function formatPath(prefix: string, path: readonly PropertyKey[]): string {
	let out = prefix;
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out === '' ? String(part) : `.${String(part)}`;
	}
	return out === '' ? '(whole)' : out;
}
