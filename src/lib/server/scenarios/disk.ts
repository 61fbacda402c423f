/**
 * File-system loading for scripts and tests. The SvelteKit app does not use this: it passes modules from
 * import.meta.glob to loadScenario() instead. Machine files are TypeScript, so this needs a runtime that
 * imports .ts (tsx, vitest).
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadScenario } from './load';
import { buildModuleIndex, type ModuleIndex } from './module-index';
import type { ScenarioDefinition } from './types';

export const DEFAULT_SCENARIOS_DIR = 'content/scenarios';
export const DEFAULT_MODULES_DIR = 'content/modules';

/** Scenario folders (those holding a briefing.md or machine.ts), sorted. A missing directory has none. */
export function listScenarioSlugs(dir: string = DEFAULT_SCENARIOS_DIR): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
		.filter((entry) => ['briefing.md', 'machine.ts'].some((file) => existsSync(join(dir, entry.name, file))))
		.map((entry) => entry.name)
		.sort();
}

export async function loadScenarioFromDisk(slug: string, dir: string = DEFAULT_SCENARIOS_DIR): Promise<ScenarioDefinition> {
	const folder = resolve(dir, slug);
	const briefingPath = join(folder, 'briefing.md');
	const machinePath = join(folder, 'machine.ts');
	const briefing = existsSync(briefingPath) ? readFileSync(briefingPath, 'utf8') : '';
	const machineModule: unknown = existsSync(machinePath) ? await import(pathToFileURL(machinePath).href) : undefined;
	return loadScenario(slug, machineModule, briefing);
}

/** Loads every scenario; throws the first load error (use listScenarioSlugs + loadScenarioFromDisk to collect them). */
export async function loadScenariosFromDisk(dir: string = DEFAULT_SCENARIOS_DIR): Promise<ScenarioDefinition[]> {
	const definitions: ScenarioDefinition[] = [];
	for (const slug of listScenarioSlugs(dir)) definitions.push(await loadScenarioFromDisk(slug, dir));
	return definitions;
}

/** Module slugs and their section ids from content/modules/NN-slug.md. */
export function readModuleIndexFromDisk(dir: string = DEFAULT_MODULES_DIR): ModuleIndex {
	if (!existsSync(dir)) return new Map();
	const files = readdirSync(dir)
		.filter((name) => name.endsWith('.md') && statSync(join(dir, name)).isFile())
		.map((fileName) => ({ fileName, source: readFileSync(join(dir, fileName), 'utf8') }));
	return buildModuleIndex(files);
}
