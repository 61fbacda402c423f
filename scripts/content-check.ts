// `npm run content:check` (run by `npm run build`): validates every module, the competency framework and the email
// templates; the scenarios are checked next by scripts/scenario-check.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { parseModules, ContentError } from '../src/lib/server/modules/parse';
import { FrameworkError, parseFramework } from '../src/lib/server/competency/framework';
import { readModuleFiles } from '../src/lib/server/content-disk';
import { TemplateError } from '../src/lib/server/mail/template';
import { compileTemplates } from '../src/lib/server/mail/templates';
import { readTemplateFiles } from '../src/lib/server/mail/templates-disk';

try {
	const modules = parseModules(readModuleFiles());
	console.log(`content: ${modules.length} modules valid`);
	const known = { modules: new Set(modules.map((m) => m.slug)), scenarios: new Set(readdirSync('content/scenarios')) };
	const framework = parseFramework('content/competencies.yaml', readFileSync('content/competencies.yaml', 'utf8'), known);
	console.log(`content: competency framework valid (${framework.competencies.length} competencies)`);
	const templates = compileTemplates(readTemplateFiles());
	console.log(`content: ${templates.size} email templates valid`);
} catch (e) {
	if (!(e instanceof ContentError) && !(e instanceof FrameworkError) && !(e instanceof TemplateError)) throw e;
	console.error(`Content check failed:\n${e.message}`);
	process.exit(1);
}
