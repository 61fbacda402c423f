// `npm run content:check` (run by `npm run build`): validates every module and scenario under content/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModules, ContentError } from '../src/lib/server/modules/parse';
import { FrameworkError, parseFramework } from '../src/lib/server/competency/framework';

export function readContentFiles(dir: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir)) files[`/${join(dir, name)}`] = readFileSync(join(dir, name), 'utf8');
	return files;
}

try {
	const modules = parseModules(readContentFiles('content/modules'));
	console.log(`content: ${modules.length} modules valid`);
	const known = { modules: new Set(modules.map((m) => m.slug)), scenarios: new Set(readdirSync('content/scenarios')) };
	const framework = parseFramework('content/competencies.yaml', readFileSync('content/competencies.yaml', 'utf8'), known);
	console.log(`content: competency framework valid (${framework.competencies.length} competencies)`);
} catch (e) {
	if (!(e instanceof ContentError) && !(e instanceof FrameworkError)) throw e;
	console.error(`Content check failed:\n${e.message}`);
	process.exit(1);
}
