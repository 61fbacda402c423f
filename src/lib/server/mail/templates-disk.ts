// Email templates read from disk, for command-line scripts (the reminders planner, checks, the bench).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileTemplates, provideTemplates, type MailTemplates } from './templates';

export function readTemplateFiles(dir = 'content/emails'): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir)) if (name.endsWith('.md')) files[`/${join(dir, name)}`] = readFileSync(join(dir, name), 'utf8');
	return files;
}

export function loadTemplatesFromDisk(dir = 'content/emails'): MailTemplates {
	const templates = compileTemplates(readTemplateFiles(dir));
	provideTemplates(templates);
	return templates;
}
