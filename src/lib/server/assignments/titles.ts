import { contentLookup, findModule, findScenario } from '../content';
import type { Framework } from '../competency/framework';
import type { AssignedWhat } from './rules';

/** What an assignment names, in words: "the module “…”", with where the learner does it. */
export function describeWhat(framework: Framework, what: AssignedWhat): { title: string; label: string; href: string | null } {
	switch (what.kind) {
		case 'module': {
			const title = contentLookup.moduleTitle(what.ref) ?? what.ref;
			return { title, label: `Complete the module “${title}”`, href: `/modules/${what.ref}` };
		}
		case 'scenario': {
			const title = contentLookup.scenarioTitle(what.ref) ?? what.ref;
			return { title, label: `Pass the scenario “${title}”`, href: `/scenarios/${what.ref}` };
		}
		case 'competency': {
			const title = framework.byId.get(what.ref)?.title ?? what.ref;
			return { title, label: `Achieve the competency “${title}”`, href: '/training#competencies' };
		}
	}
}

/** Whether what a form names exists in the content index. */
export function contentExists(framework: Framework, what: AssignedWhat): boolean {
	if (what.kind === 'module') return findModule(what.ref) !== undefined;
	if (what.kind === 'scenario') return findScenario(what.ref) !== undefined;
	return framework.byId.has(what.ref);
}
