import { describe, expect, it } from 'vitest';
import type { Requirement } from './framework';
import { competencyNeeds } from './learner';

const lookup = { moduleTitle: (s: string) => (s === 'm4' ? 'Module four' : undefined), scenarioTitle: (s: string) => `Scenario ${s}` };
const module: Requirement = { kind: 'module', key: 'module:m4', module: 'm4' };
const scenario: Requirement = { kind: 'scenario', key: 'scenario:x', scenarios: ['x'] };
const observed: Requirement = { kind: 'observed', key: 'observed' };

describe('what a competency still needs', () => {
	it('lists every requirement, marking the ones done and in date', () => {
		expect(competencyNeeds([observed, module, scenario], [module, scenario], lookup)).toEqual([
			{ label: 'Be observed in a practical assessment and signed off by a trainer', href: null, met: true },
			{ label: 'Complete the module “Module four”', href: '/modules/m4', met: false },
			{ label: 'Pass the scenario “Scenario x”', href: '/scenarios/x', met: false }
		]);
		expect(competencyNeeds([module], [], lookup).every((n) => n.met)).toBe(true);
	});
});
