/**
 * Every scenario the app serves, loaded once when the server starts. The files are bundled by Vite
 * (import.meta.glob), so the built server needs no content folder. Each scenario is analysed, with its
 * learnMore links checked against the modules, and any error stops the server: a broken scenario is
 * never served.
 */
import { analyse, type ScenarioAnalysis } from './analyse';
import { loadScenario } from './load';
import { buildModuleIndex } from './module-index';
import type { ScenarioDefinition } from './types';

const machines = import.meta.glob('/content/scenarios/*/machine.ts', { eager: true });
const briefings = import.meta.glob<string>('/content/scenarios/*/briefing.md', { query: '?raw', import: 'default', eager: true });
const moduleSources = import.meta.glob<string>('/content/modules/*.md', { query: '?raw', import: 'default', eager: true });

export interface CatalogueEntry {
	readonly def: ScenarioDefinition;
	readonly analysis: ScenarioAnalysis;
}

/** `/content/scenarios/<slug>/<file>` → `<slug>`. */
function slugOf(path: string): string {
	return path.split('/').at(-2) ?? path;
}

function buildCatalogue(): Map<string, CatalogueEntry> {
	const modules = buildModuleIndex(
		Object.entries(moduleSources).map(([path, source]) => ({ fileName: path.split('/').at(-1) ?? path, source }))
	);
	const machineBySlug = new Map(Object.entries(machines).map(([path, module]) => [slugOf(path), module]));
	const briefingBySlug = new Map(Object.entries(briefings).map(([path, text]) => [slugOf(path), text]));
	const slugs = [...new Set([...machineBySlug.keys(), ...briefingBySlug.keys()])].sort();

	const entries = new Map<string, CatalogueEntry>();
	const errors: string[] = [];
	for (const slug of slugs) {
		try {
			const def = loadScenario(slug, machineBySlug.get(slug), briefingBySlug.get(slug) ?? '');
			const analysis = analyse(def, { modules });
			if (analysis.errors.length > 0) errors.push(...analysis.errors.map((error) => error.message));
			else entries.set(slug, { def, analysis });
		} catch (error) {
			errors.push(error instanceof Error ? error.message : String(error));
		}
	}
	if (errors.length > 0) {
		throw new Error(`Scenarios failed their checks, so none are served:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
	}
	return entries;
}

const catalogue = buildCatalogue();
const definitions = [...catalogue.values()].map((entry) => entry.def);

export function allScenarios(): readonly ScenarioDefinition[] {
	return definitions;
}

export function findScenario(slug: string): ScenarioDefinition | undefined {
	return catalogue.get(slug)?.def;
}

/** The analysis made at start-up (best path, best score): never recomputed per request. */
export function scenarioAnalysis(slug: string): ScenarioAnalysis | undefined {
	return catalogue.get(slug)?.analysis;
}

/** Scenarios assigned to a job role by their audience. */
export function scenariosForRole(jobRole: string): ScenarioDefinition[] {
	return definitions.filter((def) => (def.meta.audience as readonly string[]).includes(jobRole));
}
