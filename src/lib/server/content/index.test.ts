import { describe, expect, it } from 'vitest';
import { listScenarioSlugs, loadContentFromDisk, readModuleFiles } from './disk';
import {
	allModules,
	allScenarios,
	contentLookup,
	findModule,
	findScenario,
	getFramework,
	modulesForRole,
	scenarioAnalysis,
	scenariosForRole,
	scenarioVocabulary
} from '.';

describe('the app content index (bundled)', () => {
	it('serves every scenario folder, each analysed clean at start-up', () => {
		expect(allScenarios().map((def) => def.slug)).toEqual(listScenarioSlugs());
		for (const def of allScenarios()) {
			expect(scenarioAnalysis(def.slug)).toMatchObject({ errors: [], slug: def.slug });
			expect(scenarioAnalysis(def.slug)!.passingPaths).toBeGreaterThan(0);
		}
	});

	it("gives every ending the words of its scenario's endings.yaml, as the files on disk do", async () => {
		const disk = await loadContentFromDisk();
		for (const { def } of disk.scenarios) {
			const finals = def.states.filter((state) => state.kind === 'final');
			expect(finals.length).toBeGreaterThanOrEqual(3);
			expect(findScenario(def.slug)!.states.filter((state) => state.kind === 'final')).toEqual(finals);
		}
		expect(findScenario('prone-restraint-cant-breathe')!.stateById.get('cardiacArrest')!.final).toMatchObject({
			outcome: 'risk-of-death',
			title: 'Liam stops breathing'
		});
	});

	it('serves every module file, in order', () => {
		const files = Object.keys(readModuleFiles()).filter((path) => path.endsWith('.md'));
		expect(allModules().map((m) => m.path)).toEqual(files.sort());
	});

	it('finds a scenario or module by its address and nothing else', () => {
		expect(findScenario('prone-restraint-cant-breathe')?.meta.playedAs).toBe('police-constable');
		expect(findScenario('no-such-scenario')).toBeUndefined();
		expect(findScenario('__proto__')).toBeUndefined();
		expect(findModule('restraint-safety')?.order).toBe(4);
		expect(findModule('constructor')).toBeUndefined();
	});

	it('assigns modules and scenarios by audience', () => {
		const slugs = (role: string) => scenariosForRole(role).map((def) => def.slug);
		expect(slugs('police-constable')).toContain('prone-restraint-cant-breathe');
		expect(slugs('police-recruit')).toContain('prone-restraint-cant-breathe');
		expect(slugs('paramedic')).toEqual(['families-carers-relapse', 'suspected-abd']);
		expect(slugs('mental-health-nurse')).toEqual(['emergency-department-136-clock', 'sharing-information-ward', 'ward-restraint-request']);
		expect(slugs('no-such-role')).toEqual([]);
		expect(modulesForRole('police-constable').map((m) => m.slug)).toContain('restraint-safety');
		expect(modulesForRole('ward-healthcare-assistant').map((m) => m.slug)).toContain('use-of-force-act');
		expect(modulesForRole('paramedic').map((m) => m.slug)).not.toContain('use-of-force-act');
		expect(modulesForRole('no-such-role')).toEqual([]);
	});

	it('reads the framework and the vocabulary once, and every scenario against that vocabulary', () => {
		expect(getFramework().byId.get('safe-restraint')?.title).toBeTruthy();
		expect(getFramework()).toBe(getFramework());
		for (const def of allScenarios()) expect(def.vocabulary).toBe(scenarioVocabulary());
	});

	it('labels records with titles', () => {
		expect(contentLookup.moduleTitle('restraint-safety')).toBe(findModule('restraint-safety')?.meta.title);
		expect(contentLookup.scenarioTitle('suspected-abd')).toBe(findScenario('suspected-abd')?.meta.title);
		expect(contentLookup.moduleTitle('gone')).toBeUndefined();
	});
});
