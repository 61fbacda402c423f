// `npm run content:check` (run by `npm run build`): validates every module and the competency framework;
// the scenarios are checked next by scripts/scenario-check.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { parseModules, ContentError } from '../src/lib/server/modules/parse';
import { FrameworkError, parseFramework } from '../src/lib/server/competency/framework';
import { readModuleFiles } from '../src/lib/server/content-disk';

try {
	const modules = parseModules(readModuleFiles());
	console.log(`content: ${modules.length} modules valid`);
	const known = { modules: new Set(modules.map((m) => m.slug)), scenarios: new Set(readdirSync('content/scenarios')) };
	const framework = parseFramework('content/competencies.yaml', readFileSync('content/competencies.yaml', 'utf8'), known);
	console.log(`content: competency framework valid (${framework.competencies.length} competencies)`);
} catch (e) {
	if (!(e instanceof ContentError) && !(e instanceof FrameworkError)) throw e;
	console.error(`Content check failed:\n${e.message}`);
	process.exit(1);
}
