/* eslint-disable @typescript-eslint/no-explicit-any -- machine configs are edited here as untyped JSON */
/**
 * The content index over the shipped content/ folder, and the checks that span files. New module and
 * scenario files are picked up automatically. Everything here runs without a database.
 */
import { setup, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { summariseRun, applyChoice, startRun } from '../scenarios/engine';
import { parse, stringify } from 'yaml';
import { buildContent, type ContentFiles, type ScenarioFiles } from './build';
import { readContentFiles } from './disk';
import { ContentError } from './errors';

const shipped = await readContentFiles();

function buildError(files: ContentFiles): string {
	try {
		buildContent(files);
	} catch (error) {
		if (error instanceof ContentError) return error.message;
		throw error;
	}
	throw new Error('expected a ContentError');
}

/** A copy of a shipped scenario under a new address, its machine config changed by `change` and its endings by `changeEndings`. */
function copyScenario(
	slug: string,
	newSlug: string,
	change: (config: Record<string, any>) => void,
	changeEndings: (endings: Record<string, any>) => void = () => {}
): ScenarioFiles {
	const original = shipped.scenarios.find((s) => s.slug === slug)!;
	const config = structuredClone((original.machine as { machine: AnyStateMachine }).machine.config) as Record<string, any>;
	change(config);
	const endings = parse(original.endings) as Record<string, any>;
	changeEndings(endings);
	return { slug: newSlug, machine: { machine: setup({}).createMachine(config as never) }, briefing: original.briefing, endings: stringify(endings) };
}

const unchanged = () => {};

describe('the shipped content', () => {
	const content = buildContent(shipped);

	it('builds clean: every module, scenario, the framework and the vocabulary', () => {
		expect(content.modules.length).toBeGreaterThanOrEqual(10);
		expect(content.scenarios.map((s) => s.def.slug)).toEqual(shipped.scenarios.map((s) => s.slug));
		expect(content.framework.competencies.length).toBeGreaterThanOrEqual(10);
	});

	it.each(shipped.scenarios.map((s) => s.slug))('%s loads and passes every authoring check', (slug) => {
		const entry = content.scenarios.find((s) => s.def.slug === slug)!;
		expect(entry.analysis.errors).toEqual([]);
		expect(entry.analysis.passingPaths).toBeGreaterThan(0);
		expect(entry.def.vocabulary).toBe(content.vocabulary);
	});
});

describe('checks across files', () => {
	it('refuses an ending whose learnMore link names a module or section that does not exist', () => {
		const broken = copyScenario('street-section-136', 'broken-link', unchanged, (endings) => {
			endings.safe.learnMore = [{ module: 'restraint-safety', section: 'no-such-section', label: 'Gone' }];
			endings.harmed.learnMore = [{ module: 'no-such-module', section: 'warning-signs', label: 'Gone' }];
		});
		const message = buildError({ ...shipped, scenarios: [...shipped.scenarios, broken] });
		expect(message).toContain(
			'Scenario "broken-link", endings.yaml, ending "safe": learnMore links to section "no-such-section" of module "restraint-safety", which has no such H2 section'
		);
		expect(message).toContain(
			'Scenario "broken-link", endings.yaml, ending "harmed": learnMore links to module "no-such-module", but there is no content/modules/NN-no-such-module.md'
		);
	});

	it('refuses endings that do not match the final states, listing every problem in every scenario at once', () => {
		const missing = copyScenario('street-section-136', 'missing-ending', unchanged, (endings) => {
			delete endings.unlawful;
			endings.talking = endings.safe;
		});
		const noFile = { ...copyScenario('suspected-abd', 'no-endings-file', unchanged), endings: '' };
		const renamed = copyScenario('welfare-call-rcrp', 'renamed-state', (config) => {
			config.states.safeHome = config.states.safe;
			delete config.states.safe;
			for (const state of Object.values(config.states as Record<string, any>)) {
				for (const transition of Object.values((state.on ?? {}) as Record<string, any>)) if (transition.target === 'safe') transition.target = 'safeHome';
			}
		});
		const message = buildError({ ...shipped, scenarios: [...shipped.scenarios, missing, noFile, renamed] });
		expect(message.split('\n').filter((line) => /missing-ending|no-endings-file|renamed-state/.test(line))).toEqual([
			'  - Scenario "missing-ending", endings.yaml, ending "unlawful": has no entry, but machine.ts declares "unlawful" as a final state',
			'  - Scenario "missing-ending", endings.yaml, ending "talking": names a decision state of machine.ts; only final states have endings',
			'  - Scenario "no-endings-file", field endings.yaml: is missing or empty: give each final state of machine.ts its ending there, keyed by its id',
			'  - Scenario "renamed-state", endings.yaml, ending "safeHome": has no entry, but machine.ts declares "safeHome" as a final state',
			expect.stringMatching(/^ {2}- Scenario "renamed-state", endings.yaml, ending "safe": names no state of machine.ts \(its final states: .*safeHome/)
		]);
	});

	it('refuses competencies that content/competencies.yaml does not define', () => {
		const module = '/content/modules/04-restraint-safety.md';
		const modules = { ...shipped.modules, [module]: shipped.modules[module]!.replace(/^competencies: \[/m, 'competencies: [made-up-skill, ') };
		const scenario = shipped.scenarios[0]!;
		const scenarios = [{ ...scenario, briefing: scenario.briefing.replace(/^competencies: \[/m, 'competencies: [another-made-up, ') }];
		const message = buildError({ ...shipped, modules, scenarios: [...scenarios, ...shipped.scenarios.slice(1)] });
		expect(message).toContain(
			`${module}: frontmatter field "competencies.0" names competency "made-up-skill", which content/competencies.yaml does not define`
		);
		expect(message).toContain(
			`Scenario "${scenario.slug}", field frontmatter.competencies[0]: names competency "another-made-up", which content/competencies.yaml does not define`
		);
	});

	it('refuses a framework that names a scenario that does not exist', () => {
		const competencies = shipped.competencies.replace('scenarios: [ward-restraint-request]', 'scenarios: [no-such-scenario]');
		expect(competencies).not.toBe(shipped.competencies);
		expect(buildError({ ...shipped, competencies })).toContain('names scenario "no-such-scenario", which does not exist');
	});

	it('lists every problem at once, naming the file', () => {
		const module = '/content/modules/02-recognising-distress.md';
		const modules = { ...shipped.modules, [module]: shipped.modules[module]!.replace(/^---\n/, '') };
		const message = buildError({ ...shipped, modules, vocabulary: shipped.vocabulary });
		expect(message).toMatch(/^Content failed its checks \(npm run content:check\):\n {2}- \/content\/modules\/02-recognising-distress\.md: has no frontmatter/);
	});
});

describe('a new risk flag and a new ending are content only', () => {
	const vocabulary = `${shipped.vocabulary.replace(
		'\noutcomes:\n',
		'  - id: no-interpreter\n    severity: minor\n    label: No interpreter was found for a person who needed one\n\noutcomes:\n'
	)}  - id: handed-to-crisis-team\n    label: Handed to the crisis team\n`;
	const newFlag = (config: Record<string, any>) => {
		config.states.approach.on.ONE_VOICE.meta.flags = ['no-interpreter'];
	};
	const newEnding = (endings: Record<string, any>) => {
		endings.delayedCare.outcome = 'handed-to-crisis-team';
	};
	const scenario = copyScenario('street-section-136', 'street-section-136-interpreter', newFlag, newEnding);

	it('is refused while the vocabulary lacks them, naming the scenario and the state or ending', () => {
		const withFlag = copyScenario('street-section-136', 'with-flag', newFlag);
		const withEnding = copyScenario('street-section-136', 'with-ending', unchanged, newEnding);
		const message = buildError({ ...shipped, scenarios: [...shipped.scenarios, withFlag, withEnding] });
		expect(message).toContain(
			'Scenario "with-flag", state "approach": transition "ONE_VOICE" raises the unknown risk flag "no-interpreter" (see content/scenario-vocabulary.yaml)'
		);
		expect(message).toContain('Scenario "with-ending", endings.yaml, ending "delayedCare", field outcome: Invalid option');
	});

	it('is accepted once content/scenario-vocabulary.yaml has them, and a run shows the new label', () => {
		const content = buildContent({ ...shipped, vocabulary, scenarios: [...shipped.scenarios, scenario] });
		const entry = content.scenarios.find((s) => s.def.slug === 'street-section-136-interpreter')!;
		expect(entry.analysis.errors).toEqual([]);
		expect(entry.analysis.outcomes).toContain('handed-to-crisis-team');

		const { def } = entry;
		const step = applyChoice(def, startRun(def).snapshot, { event: 'ONE_VOICE', step: 0, expectedStep: 0, shownAt: new Date(0), now: new Date(1000) });
		if (!step.ok) throw new Error(step.message);
		const summary = summariseRun(def, [step.record]);
		expect(summary.flags).toEqual([{ id: 'no-interpreter', severity: 'minor', label: 'No interpreter was found for a person who needed one' }]);
		expect(def.vocabulary.outcomeLabel('handed-to-crisis-team')).toBe('Handed to the crisis team');
	});
});
