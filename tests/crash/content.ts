// What the simulated learners need to know about the shipped content: sections, reflections and right answers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModules } from '../../src/lib/server/modules/parse';

export type ModuleFacts = {
	slug: string;
	sections: string[];
	reflections: string[];
	questions: { id: string; options: string[]; correct: string[] }[];
};

export function moduleFacts(dir = 'content/modules'): ModuleFacts[] {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir)) files[`/${join(dir, name)}`] = readFileSync(join(dir, name), 'utf8');
	return parseModules(files).map((m) => ({
		slug: m.slug,
		sections: m.sections.map((s) => s.id),
		reflections: m.reflections.map((r) => r.id),
		questions: m.quiz.questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.id), correct: q.options.filter((o) => o.correct).map((o) => o.id) }))
	}));
}

export function scenarioSlugs(dir = 'content/scenarios'): string[] {
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();
}
