// Content read from disk, for command-line scripts (seeding, checks). The app bundles content instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFramework } from './competency/framework';
import { parseModules } from './modules/parse';
import { analyse } from './scenarios/analyse';
import { loadScenariosFromDisk } from './scenarios/disk';

export function readModuleFiles(dir = 'content/modules'): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir)) files[`/${join(dir, name)}`] = readFileSync(join(dir, name), 'utf8');
	return files;
}

export async function loadContentFromDisk() {
	const modules = parseModules(readModuleFiles());
	const scenarios = await loadScenariosFromDisk('content/scenarios');
	const framework = parseFramework('content/competencies.yaml', readFileSync('content/competencies.yaml', 'utf8'), {
		modules: new Set(modules.map((m) => m.slug)),
		scenarios: new Set(scenarios.map((s) => s.slug))
	});
	return { modules, scenarios: scenarios.map((def) => ({ def, analysis: analyse(def) })), framework };
}
export type DiskContent = Awaited<ReturnType<typeof loadContentFromDisk>>;
