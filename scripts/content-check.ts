// `npm run content:check` (run by `npm run build`): builds the content index from content/ exactly as the
// app does at start-up (src/lib/server/content/build.ts): every module and quiz, the scenario vocabulary,
// every scenario with its authoring checks, the competency framework, and the references between them; then the
// email templates (content/emails/).
// scripts/scenario-check.ts then prints each scenario's paths and scores.
import { ContentError } from '../src/lib/server/content/errors';
import { loadContentFromDisk } from '../src/lib/server/content/disk';
import { TemplateError } from '../src/lib/server/mail/template';
import { compileTemplates } from '../src/lib/server/mail/templates';
import { readTemplateFiles } from '../src/lib/server/mail/templates-disk';

try {
	const content = await loadContentFromDisk();
	console.log(`content: ${content.modules.length} modules valid`);
	console.log(`content: scenario vocabulary valid (${content.vocabulary.riskFlags.length} risk flags, ${content.vocabulary.outcomes.length} outcomes)`);
	console.log(`content: ${content.scenarios.length} scenarios valid`);
	console.log(`content: competency framework valid (${content.framework.competencies.length} competencies)`);
	console.log(`content: induction plans valid (${content.framework.induction.byRole.size} job roles)`);
	console.log(`content: surveys ${content.surveys ? 'valid (modules and scenarios)' : 'absent: none offered'}`);
	const templates = compileTemplates(readTemplateFiles());
	console.log(`content: ${templates.size} email templates valid`);
} catch (e) {
	if (!(e instanceof ContentError) && !(e instanceof TemplateError)) throw e;
	console.error(e.message);
	process.exit(1);
}
