import { allModules } from '../modules/catalogue';
import { allScenarios } from '../scenarios/catalogue';
import { parseFramework, type Framework } from './framework';

// Parsed and cross-checked against the module and scenario catalogues once, at start-up.
const source = import.meta.glob<string>('/content/competencies.yaml', { query: '?raw', import: 'default', eager: true })['/content/competencies.yaml'];

const framework: Framework = parseFramework('content/competencies.yaml', source, {
	modules: new Set(allModules().map((m) => m.slug)),
	scenarios: new Set(allScenarios().map((s) => s.slug))
});

export function getFramework(): Framework {
	return framework;
}
