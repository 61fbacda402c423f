import { describe, expect, it } from 'vitest';
import { allScenarios, findScenario, scenarioAnalysis, scenariosForRole } from './catalogue';
import { listScenarioSlugs } from './disk';

describe('scenario catalogue', () => {
	it('serves every scenario folder, each analysed clean at start-up', () => {
		expect(allScenarios().map((def) => def.slug)).toEqual(listScenarioSlugs());
		for (const def of allScenarios()) {
			expect(scenarioAnalysis(def.slug)).toMatchObject({ errors: [], slug: def.slug });
			expect(scenarioAnalysis(def.slug)!.passingPaths).toBeGreaterThan(0);
		}
	});

	it('finds a scenario by its address and nothing else', () => {
		expect(findScenario('prone-restraint-cant-breathe')?.meta.playedAs).toBe('police-constable');
		expect(findScenario('no-such-scenario')).toBeUndefined();
		expect(findScenario('__proto__')).toBeUndefined();
	});

	it('assigns scenarios by audience', () => {
		const slugs = (role: string) => scenariosForRole(role).map((def) => def.slug);
		expect(slugs('police-constable')).toContain('prone-restraint-cant-breathe');
		expect(slugs('police-recruit')).toContain('prone-restraint-cant-breathe');
		expect(slugs('paramedic')).toEqual(['suspected-abd']);
		expect(slugs('no-such-role')).toEqual([]);
	});
});
