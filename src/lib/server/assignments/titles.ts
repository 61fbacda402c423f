import type { ContentLookup } from '../competency/learner';
import type { Framework } from '../competency/framework';
import type { AssignedWhat } from './rules';

/** What the assignment code needs of the content: the framework, and titles of modules and scenarios. */
export type AssignmentContent = { framework: Framework; lookup: ContentLookup };

/** The same from a content index read from disk (scripts): titles from its modules and scenarios. */
export function assignmentContentFrom(content: {
	framework: Framework;
	modules: readonly { slug: string; meta: { title: string } }[];
	scenarios: readonly { def: { slug: string; meta: { title: string } } }[];
}): AssignmentContent {
	return {
		framework: content.framework,
		lookup: {
			moduleTitle: (slug) => content.modules.find((m) => m.slug === slug)?.meta.title,
			scenarioTitle: (slug) => content.scenarios.find((s) => s.def.slug === slug)?.def.meta.title
		}
	};
}

/** What an assignment names, in words: "Complete the module “…”", with where the learner does it. */
export function describeWhat(content: AssignmentContent, what: AssignedWhat): { title: string; label: string; href: string | null } {
	switch (what.kind) {
		case 'module': {
			const title = content.lookup.moduleTitle(what.ref) ?? what.ref;
			return { title, label: `Complete the module “${title}”`, href: `/modules/${what.ref}` };
		}
		case 'scenario': {
			const title = content.lookup.scenarioTitle(what.ref) ?? what.ref;
			return { title, label: `Pass the scenario “${title}”`, href: `/scenarios/${what.ref}` };
		}
		case 'competency': {
			const title = content.framework.byId.get(what.ref)?.title ?? what.ref;
			return { title, label: `Achieve the competency “${title}”`, href: '/training#competencies' };
		}
	}
}
