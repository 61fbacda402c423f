/**
 * Content read from disk, for scripts (checks, seeding, the benchmark) and tests. The app does not use
 * this: it bundles the same files with import.meta.glob (content/bundled.ts). Both go through
 * buildContent, so they read and check content the same way. Machine files are TypeScript, so this needs
 * a runtime that imports .ts (tsx, vitest).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFramework, type Framework } from '../competency/framework';
import { ENDINGS_FILE, loadScenario, type ScenarioDefinition, type ScenarioVocabulary } from '../scenarios/engine';
import {
	buildContent,
	FRAMEWORK_PATH,
	INDUCTION_PLANS_PATH,
	readVocabulary,
	SURVEYS_PATH,
	VOCABULARY_PATH,
	type Content,
	type ContentFiles,
	type ScenarioFiles
} from './build';

export const DEFAULT_SCENARIOS_DIR = 'content/scenarios';
export const DEFAULT_MODULES_DIR = 'content/modules';

/** Module files keyed as the bundler keys them (`/content/modules/NN-slug.md`), so paths in messages match. */
export function readModuleFiles(dir = DEFAULT_MODULES_DIR): Record<string, string> {
	const files: Record<string, string> = {};
	if (!existsSync(dir)) return files;
	for (const name of readdirSync(dir).sort()) {
		const path = join(dir, name);
		if (statSync(path).isFile()) files[path.startsWith('/') ? path : `/${path}`] = readFileSync(path, 'utf8');
	}
	return files;
}

/** The files of a scenario folder; a folder holding any of them is a scenario. */
const SCENARIO_FILES = ['briefing.md', 'machine.ts', ENDINGS_FILE];

/** Scenario folders (those holding a briefing.md, machine.ts or endings.yaml), sorted. A missing directory has none. */
export function listScenarioSlugs(dir: string = DEFAULT_SCENARIOS_DIR): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
		.filter((entry) => SCENARIO_FILES.some((file) => existsSync(join(dir, entry.name, file))))
		.map((entry) => entry.name)
		.sort();
}

/** A scenario folder's three files; importing machine.ts runs it, so an error there names the scenario. */
export async function readScenarioFiles(slug: string, dir: string = DEFAULT_SCENARIOS_DIR): Promise<ScenarioFiles> {
	const folder = resolve(dir, slug);
	const briefingPath = join(folder, 'briefing.md');
	const machinePath = join(folder, 'machine.ts');
	const endingsPath = join(folder, ENDINGS_FILE);
	const briefing = existsSync(briefingPath) ? readFileSync(briefingPath, 'utf8') : '';
	const endings = existsSync(endingsPath) ? readFileSync(endingsPath, 'utf8') : '';
	let machine: unknown;
	try {
		machine = existsSync(machinePath) ? await import(pathToFileURL(machinePath).href) : undefined;
	} catch (error) {
		throw new Error(`Scenario "${slug}": machine.ts could not be imported: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
	}
	return { slug, machine, briefing, endings };
}

export function readVocabularyFromDisk(path = VOCABULARY_PATH): ScenarioVocabulary {
	return readVocabulary(readFileSync(path, 'utf8'));
}

/** content/competencies.yaml alone (its references to modules and scenarios are checked by buildContent). */
export function readFrameworkFromDisk(path = FRAMEWORK_PATH): Framework {
	return parseFramework(FRAMEWORK_PATH, readFileSync(path, 'utf8'));
}

/** One scenario, loaded but not analysed (throws ScenarioLoadError when it cannot be read as a scenario). */
export async function loadScenarioFromDisk(
	slug: string,
	dir: string = DEFAULT_SCENARIOS_DIR,
	vocabulary: ScenarioVocabulary = readVocabularyFromDisk()
): Promise<ScenarioDefinition> {
	const files = await readScenarioFiles(slug, dir);
	return loadScenario(slug, files.machine, files.briefing, files.endings, vocabulary);
}

/** Every content file under `root` (default: the working directory), as buildContent takes them. */
export async function readContentFiles(root = '.'): Promise<ContentFiles> {
	const scenariosDir = join(root, DEFAULT_SCENARIOS_DIR);
	const scenarios: ScenarioFiles[] = [];
	for (const slug of listScenarioSlugs(scenariosDir)) scenarios.push(await readScenarioFiles(slug, scenariosDir));
	return {
		modules: readModuleFiles(join(root, DEFAULT_MODULES_DIR)),
		scenarios,
		competencies: readFileSync(join(root, FRAMEWORK_PATH), 'utf8'),
		vocabulary: readFileSync(join(root, VOCABULARY_PATH), 'utf8'),
		inductionPlans: existsSync(join(root, INDUCTION_PLANS_PATH)) ? readFileSync(join(root, INDUCTION_PLANS_PATH), 'utf8') : '',
		surveys: existsSync(join(root, SURVEYS_PATH)) ? readFileSync(join(root, SURVEYS_PATH), 'utf8') : ''
	};
}

/** The whole content index, read from disk and checked as the app checks it at start-up. */
export async function loadContentFromDisk(root = '.'): Promise<Content> {
	return buildContent(await readContentFiles(root));
}
export type DiskContent = Content;
