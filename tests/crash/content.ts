// What the simulated learners need to know about the shipped content: sections, reflections and right answers.
import { listScenarioSlugs, readModuleFiles } from '../../src/lib/server/content/disk';
import { parseModules } from '../../src/lib/server/modules/parse';

export type ModuleFacts = {
	slug: string;
	sections: string[];
	reflections: string[];
	questions: { id: string; options: string[]; correct: string[] }[];
};

export function moduleFacts(dir = 'content/modules'): ModuleFacts[] {
	return parseModules(readModuleFiles(dir)).map((m) => ({
		slug: m.slug,
		sections: m.sections.map((s) => s.id),
		reflections: m.reflections.map((r) => r.id),
		questions: m.quiz.questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.id), correct: q.options.filter((o) => o.correct).map((o) => o.id) }))
	}));
}

export function scenarioSlugs(dir = 'content/scenarios'): string[] {
	return listScenarioSlugs(dir);
}
