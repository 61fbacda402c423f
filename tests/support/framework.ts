import type { Framework } from '../../src/lib/server/competency/framework';
import { parseInductionPlans } from '../../src/lib/server/competency/induction-plans';
import { readFrameworkFromDisk } from '../../src/lib/server/content/disk';

/** The shipped competency framework, read from disk for tests and scripts (the app bundles it instead). */
export function testFramework(): Framework {
	return readFrameworkFromDisk();
}

/** The shipped framework with induction plans given as YAML (content/induction-plans.yaml's format), for tests of due dates. */
export function testFrameworkWithPlans(plansYaml: string): Framework {
	const framework = readFrameworkFromDisk();
	return { ...framework, induction: parseInductionPlans('test plans', plansYaml, framework) };
}

/** What assignment emails need from the content (assignments/titles.ts): the framework and titles named after the slug. */
export function testAssignmentContent(framework: Framework = testFramework()) {
	return { framework, lookup: { moduleTitle: (slug: string) => `Module ${slug}`, scenarioTitle: (slug: string) => `Scenario ${slug}` } };
}
