/**
 * The content index: every file under content/ read into checked definitions, the same way for the app
 * (content/bundled.ts, files bundled by Vite) and for scripts and tests (content/disk.ts, files read from
 * disk). Pure: the caller supplies the files' text (and each scenario's imported machine module).
 *
 * It checks what spans files: learnMore links (in each scenario's endings.yaml) against the modules'
 * sections, the competencies named by modules and scenarios against content/competencies.yaml, the modules
 * and scenarios the framework names against those that exist. Any error stops the build with every problem listed, so broken content is
 * never served.
 */
import { FrameworkError, parseFramework, type Framework } from '../competency/framework';
import { parseInductionPlans } from '../competency/induction-plans';
import { parseModules, type ModuleDefinition } from '../modules/parse';
import {
	analyse,
	loadScenario,
	parseScenarioVocabulary,
	ScenarioLoadError,
	VocabularyError,
	type ModuleIndex,
	type ScenarioAnalysis,
	type ScenarioDefinition,
	type ScenarioVocabulary
} from '../scenarios/engine';
import { parseSurveys, type SurveyDefinitions } from '../surveys/definition';
import { ContentError } from './errors';

export const VOCABULARY_PATH = 'content/scenario-vocabulary.yaml';
export const FRAMEWORK_PATH = 'content/competencies.yaml';
export const INDUCTION_PLANS_PATH = 'content/induction-plans.yaml';
export const SURVEYS_PATH = 'content/surveys.yaml';

export interface ScenarioFiles {
	readonly slug: string;
	/** The imported machine.ts module (undefined when the folder has none). */
	readonly machine: unknown;
	/** The text of briefing.md ('' when the folder has none). */
	readonly briefing: string;
	/** The text of endings.yaml, the words of each final state ('' when the folder has none). */
	readonly endings: string;
}

export interface ContentFiles {
	/** `/content/modules/NN-slug.md` and `.quiz.yaml` paths to their text. */
	readonly modules: Readonly<Record<string, string>>;
	readonly scenarios: readonly ScenarioFiles[];
	/** content/competencies.yaml */
	readonly competencies: string;
	/** content/scenario-vocabulary.yaml */
	readonly vocabulary: string;
	/** content/induction-plans.yaml ('' or absent: no role has an induction plan) */
	readonly inductionPlans?: string;
	/** content/surveys.yaml ('' or absent: no survey is offered) */
	readonly surveys?: string;
}

export interface ScenarioEntry {
	readonly def: ScenarioDefinition;
	/** Made once here (best path, best score), never per request. */
	readonly analysis: ScenarioAnalysis;
}

export interface Content {
	readonly modules: ModuleDefinition[];
	readonly scenarios: ScenarioEntry[];
	readonly framework: Framework;
	readonly vocabulary: ScenarioVocabulary;
	/** The learner evaluation surveys; null when content/ has none. */
	readonly surveys: SurveyDefinitions | null;
}

/** Module slug -> its section ids: what a learnMore link may point at. */
export function moduleIndexOf(modules: readonly ModuleDefinition[]): ModuleIndex {
	return new Map(modules.map((m) => [m.slug, new Set(m.sections.map((s) => s.id))]));
}

export function readVocabulary(source: string): ScenarioVocabulary {
	try {
		return parseScenarioVocabulary(VOCABULARY_PATH, source);
	} catch (error) {
		if (error instanceof VocabularyError) throw new ContentError(error.message);
		throw error;
	}
}

/**
 * Loads and analyses one scenario; the messages name the scenario and state at fault. Without a module
 * index, learnMore links are not checked (the modules themselves failed, and say so).
 */
export function checkScenario(
	files: ScenarioFiles,
	vocabulary: ScenarioVocabulary,
	modules: ModuleIndex | undefined
): { entry: ScenarioEntry; errors: string[] } | { entry: null; errors: string[] } {
	let def: ScenarioDefinition;
	try {
		def = loadScenario(files.slug, files.machine, files.briefing, files.endings, vocabulary);
	} catch (error) {
		if (error instanceof ScenarioLoadError) return { entry: null, errors: error.issues.map((issue) => issue.message) };
		return { entry: null, errors: [`Scenario "${files.slug}": ${error instanceof Error ? error.message : String(error)}`] };
	}
	const analysis = analyse(def, { modules });
	return { entry: { def, analysis }, errors: analysis.errors.map((e) => e.message) };
}

export function buildContent(files: ContentFiles): Content {
	const vocabulary = readVocabulary(files.vocabulary);
	const errors: string[] = [];
	const parsedModules = collect(errors, () => parseModules({ ...files.modules }));
	const modules = parsedModules ?? [];
	const index = parsedModules && moduleIndexOf(parsedModules);

	const scenarios: ScenarioEntry[] = [];
	for (const scenario of [...files.scenarios].sort((a, b) => a.slug.localeCompare(b.slug))) {
		const checked = checkScenario(scenario, vocabulary, index);
		errors.push(...checked.errors);
		if (checked.entry) scenarios.push(checked.entry);
	}

	const known = parsedModules && { modules: new Set(modules.map((m) => m.slug)), scenarios: new Set(files.scenarios.map((s) => s.slug)) };
	const parsedFramework = collect(errors, () => parseFramework(FRAMEWORK_PATH, files.competencies, known));
	if (parsedFramework) errors.push(...unknownCompetencies(parsedFramework, modules, scenarios));
	// The induction plans are part of the framework: they name its competencies and give each role's due dates.
	const induction =
		parsedFramework && files.inductionPlans?.trim()
			? collect(errors, () => parseInductionPlans(INDUCTION_PLANS_PATH, files.inductionPlans!, parsedFramework))
			: undefined;
	const framework = parsedFramework && (induction ? { ...parsedFramework, induction } : parsedFramework);
	const surveys = files.surveys?.trim() ? (collect(errors, () => parseSurveys(SURVEYS_PATH, files.surveys!)) ?? null) : null;

	if (errors.length > 0 || !framework) {
		throw new ContentError(`Content failed its checks (npm run content:check):\n${errors.map((e) => `  - ${e}`).join('\n')}`);
	}
	return { modules, scenarios, framework, vocabulary, surveys };
}

/** Competencies named in frontmatter that the framework does not define. */
function unknownCompetencies(framework: Framework, modules: readonly ModuleDefinition[], scenarios: readonly ScenarioEntry[]): string[] {
	const problems: string[] = [];
	const unknown = (ids: readonly string[]) => ids.flatMap((id, i) => (framework.byId.has(id) ? [] : [{ id, i }]));
	for (const m of modules) {
		for (const { id, i } of unknown(m.meta.competencies)) {
			problems.push(`${m.path}: frontmatter field "competencies.${i}" names competency "${id}", which ${FRAMEWORK_PATH} does not define`);
		}
	}
	for (const { def } of scenarios) {
		for (const { id, i } of unknown(def.meta.competencies)) {
			problems.push(`Scenario "${def.slug}", field frontmatter.competencies[${i}]: names competency "${id}", which ${FRAMEWORK_PATH} does not define`);
		}
	}
	return problems;
}

/** Runs a parser that throws one error listing many problems, and keeps its lines. */
function collect<T>(errors: string[], parse: () => T): T | undefined {
	try {
		return parse();
	} catch (error) {
		if (!(error instanceof ContentError) && !(error instanceof FrameworkError)) throw error;
		errors.push(...error.message.split('\n'));
		return undefined;
	}
}
