/**
 * The compiled email templates. The app bundles content/emails/ (./catalogue.ts, imported by hooks.server.ts);
 * command-line scripts read it from disk (./templates-disk.ts). Either hands the files to `provideTemplates`
 * once; `queueMail` then finds templates by name.
 */
import { compileTemplate, TemplateError, type CompiledTemplate } from './template';
import { TEMPLATE_NAMES, type TemplateName } from './template-variables';

export type MailTemplates = ReadonlyMap<TemplateName, CompiledTemplate>;

/** Compiles every file (path → source) and checks that each listed template has its file. */
export function compileTemplates(files: Record<string, string>): MailTemplates {
	const errors: string[] = [];
	const templates = new Map<TemplateName, CompiledTemplate>();
	for (const [path, source] of Object.entries(files).sort()) {
		try {
			const t = compileTemplate(path, source);
			templates.set(t.name, t);
		} catch (e) {
			if (!(e instanceof TemplateError)) throw e;
			errors.push(e.message);
		}
	}
	for (const name of TEMPLATE_NAMES)
		if (!templates.has(name) && !errors.some((e) => e.includes(`/${name}.md`))) errors.push(`content/emails/${name}.md: is missing`);
	if (errors.length) throw new TemplateError(errors.join('\n'));
	return templates;
}

let provided: MailTemplates | undefined;

export function provideTemplates(templates: MailTemplates): void {
	provided = templates;
}

export function getTemplate(name: TemplateName): CompiledTemplate {
	if (!provided)
		throw new Error('Email templates have not been loaded: import $lib/server/mail/catalogue (the app) or call loadTemplatesFromDisk() (scripts) first.');
	const template = provided.get(name);
	if (!template) throw new Error(`No email template "${name}"`);
	return template;
}
