/**
 * The words every scenario shares: the risk flags a choice can raise and the outcomes a scenario can end in.
 * They are data (content/scenario-vocabulary.yaml), checked here, so an author adds a flag or an ending
 * without touching code. Severities stay in code because the pass rule treats "critical" specially: a
 * critical flag means a practice linked to deaths in restraint or unlawful detention, so by default it
 * fails a run whatever the score.
 */
import { parse, YAMLError } from 'yaml';
import { z } from 'zod';

export const RISK_SEVERITIES = ['critical', 'serious', 'minor'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

/** Sort order for lists shown to learners: most severe first. */
export const SEVERITY_RANK: Readonly<Record<RiskSeverity, number>> = { critical: 0, serious: 1, minor: 2 };

export interface RiskFlag {
	readonly id: string;
	/** Plain English, shown to the learner. */
	readonly label: string;
	readonly severity: RiskSeverity;
}

export interface Outcome {
	readonly id: string;
	/** Plain English, shown to the learner. */
	readonly label: string;
}

const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
const label = z.string().trim().min(3, 'needs a label of at least three characters');

function uniqueIds(path: string) {
	return (items: readonly { id: string }[], ctx: z.RefinementCtx) => {
		const seen = new Set<string>();
		items.forEach((item, index) => {
			if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `repeats the ${path} id "${item.id}"` });
			seen.add(item.id);
		});
	};
}

export const scenarioVocabularySchema = z.strictObject({
	riskFlags: z
		.array(z.strictObject({ id: kebabId, severity: z.enum(RISK_SEVERITIES), label }))
		.min(1, 'must list at least one risk flag')
		.superRefine(uniqueIds('risk flag')),
	outcomes: z
		.array(z.strictObject({ id: kebabId, label }))
		.min(1, 'must list at least one outcome')
		.superRefine(uniqueIds('outcome'))
});

export type ScenarioVocabularyData = z.infer<typeof scenarioVocabularySchema>;

/** The checked vocabulary, with lookups by id. Unknown ids are reported by analyse(), not thrown here. */
export class ScenarioVocabulary {
	readonly riskFlags: readonly RiskFlag[];
	readonly outcomes: readonly Outcome[];
	readonly #flags: ReadonlyMap<string, RiskFlag>;
	readonly #outcomes: ReadonlyMap<string, Outcome>;

	constructor(data: ScenarioVocabularyData) {
		this.riskFlags = data.riskFlags.map(({ id, label, severity }) => ({ id, label, severity }));
		this.outcomes = data.outcomes.map(({ id, label }) => ({ id, label }));
		this.#flags = new Map(this.riskFlags.map((flag) => [flag.id, flag]));
		this.#outcomes = new Map(this.outcomes.map((outcome) => [outcome.id, outcome]));
	}

	riskFlag(id: string): RiskFlag | undefined {
		return this.#flags.get(id);
	}

	isOutcome(id: unknown): id is string {
		return typeof id === 'string' && this.#outcomes.has(id);
	}

	/** The learner's words for an outcome; the id itself for one the vocabulary no longer has. */
	outcomeLabel(id: string): string {
		return this.#outcomes.get(id)?.label ?? id;
	}

	/** Ids for z.enum: the vocabulary always has at least one outcome. */
	outcomeIds(): [string, ...string[]] {
		return this.outcomes.map((outcome) => outcome.id) as [string, ...string[]];
	}
}

export class VocabularyError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'VocabularyError';
	}
}

/** Reads and checks content/scenario-vocabulary.yaml; the message names the file and every field at fault. */
export function parseScenarioVocabulary(path: string, source: string): ScenarioVocabulary {
	let data: unknown;
	try {
		data = parse(source);
	} catch (error) {
		throw new VocabularyError(`${path}: not valid YAML: ${error instanceof YAMLError ? error.message : String(error)}`);
	}
	const parsed = scenarioVocabularySchema.safeParse(data);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `${path}: field "${issue.path.join('.') || '(root)'}" ${issue.message}`);
		throw new VocabularyError(problems.join('\n'));
	}
	return new ScenarioVocabulary(parsed.data);
}
