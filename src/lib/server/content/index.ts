/**
 * The app's content: every module, scenario, the competency framework and the scenario vocabulary, read
 * from the bundled files and checked once when the server starts (any error stops it, so broken content is
 * never served). Lookups here never parse anything per request. Scripts and tests use content/disk.ts,
 * which builds the same index from the files on disk.
 */
import type { ContentLookup } from '../competency/learner';
import type { Framework } from '../competency/framework';
import type { ModuleDefinition } from '../modules/parse';
import type { ScenarioAnalysis, ScenarioDefinition, ScenarioVocabulary } from '../scenarios/engine';
import type { SurveyDefinition, SurveyKind } from '../surveys/definition';
import { buildContent } from './build';
import { bundledFiles } from './bundled';
import { keepStringsOneByte } from './one-byte';

// Held one byte a character where it can be, so that the pages showing it stay one-byte strings (one-byte.ts).
const content = keepStringsOneByte(buildContent(bundledFiles));
const moduleBySlug = new Map(content.modules.map((m) => [m.slug, m]));
const scenarioBySlug = new Map(content.scenarios.map((entry) => [entry.def.slug, entry]));
const scenarioDefinitions = content.scenarios.map((entry) => entry.def);

export function allModules(): readonly ModuleDefinition[] {
	return content.modules;
}

export function findModule(slug: string): ModuleDefinition | undefined {
	return moduleBySlug.get(slug);
}

/** A module's Markdown as bundled (for the search index, which reads its sections' text). */
export function moduleMarkdown(slug: string): string | undefined {
	const module = moduleBySlug.get(slug);
	return module ? bundledFiles.modules[module.path] : undefined;
}

export function modulesForRole(jobRole: string): ModuleDefinition[] {
	return content.modules.filter((m) => (m.meta.audience as readonly string[]).includes(jobRole));
}

export function allScenarios(): readonly ScenarioDefinition[] {
	return scenarioDefinitions;
}

export function findScenario(slug: string): ScenarioDefinition | undefined {
	return scenarioBySlug.get(slug)?.def;
}

/** The analysis made at start-up (best path, best score): never recomputed per request. */
export function scenarioAnalysis(slug: string): ScenarioAnalysis | undefined {
	return scenarioBySlug.get(slug)?.analysis;
}

/** Scenarios assigned to a job role by their audience. */
export function scenariosForRole(jobRole: string): ScenarioDefinition[] {
	return scenarioDefinitions.filter((def) => (def.meta.audience as readonly string[]).includes(jobRole));
}

export function getFramework(): Framework {
	return content.framework;
}

/** The learner evaluation survey for modules or scenarios, or undefined when content/ defines none. */
export function surveyFor(kind: SurveyKind): SurveyDefinition | undefined {
	return content.surveys?.[kind];
}

export function scenarioVocabulary(): ScenarioVocabulary {
	return content.vocabulary;
}

/** Titles of modules and scenarios for labels in records and task lists. */
export const contentLookup: ContentLookup = {
	moduleTitle: (slug) => findModule(slug)?.meta.title,
	scenarioTitle: (slug) => findScenario(slug)?.meta.title
};
