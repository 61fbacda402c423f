/* eslint-disable @typescript-eslint/no-explicit-any -- machine configs are edited here as untyped JSON */
/**
 * The content index over the shipped content/ folder, and the checks that span files. New module and
 * scenario files are picked up automatically. Everything here runs without a database.
 */
import { setup, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { summariseRun, applyChoice, startRun } from '../scenarios/engine';
import { buildContent, type ContentFiles } from './build';
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

/** A copy of a shipped scenario under a new address, its machine config changed by `change`. */
function copyScenario(slug: string, newSlug: string, change: (config: Record<string, any>) => void) {
	const original = shipped.scenarios.find((s) => s.slug === slug)!;
	const config = structuredClone((original.machine as { machine: AnyStateMachine }).machine.config) as Record<string, any>;
	change(config);
	return { slug: newSlug, machine: { machine: setup({}).createMachine(config as never) }, briefing: original.briefing };
}

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
	it('refuses a scenario whose learnMore link names a section the module does not have', () => {
		const broken = copyScenario('street-section-136', 'broken-link', (config) => {
			const final = Object.values(config.states as Record<string, any>).find((state) => state.type === 'final');
			final.meta.learnMore = [{ module: 'restraint-safety', section: 'no-such-section', label: 'Gone' }];
		});
		expect(buildError({ ...shipped, scenarios: [...shipped.scenarios, broken] })).toMatch(
			/Scenario "broken-link", state "[a-zA-Z]+": learnMore links to section "no-such-section" of module "restraint-safety"/
		);
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
	const newEnding = (config: Record<string, any>) => {
		const delayed = Object.values(config.states as Record<string, any>).find((state) => state.meta?.outcome === 'delayed-care');
		delayed.meta.outcome = 'handed-to-crisis-team';
	};
	const scenario = copyScenario('street-section-136', 'street-section-136-interpreter', (config) => {
		newFlag(config);
		newEnding(config);
	});

	it('is refused while the vocabulary lacks them, naming the scenario and state', () => {
		const withFlag = copyScenario('street-section-136', 'with-flag', newFlag);
		const withEnding = copyScenario('street-section-136', 'with-ending', newEnding);
		const message = buildError({ ...shipped, scenarios: [...shipped.scenarios, withFlag, withEnding] });
		expect(message).toContain(
			'Scenario "with-flag", state "approach": transition "ONE_VOICE" raises the unknown risk flag "no-interpreter" (see content/scenario-vocabulary.yaml)'
		);
		expect(message).toContain('Scenario "with-ending", state "delayedCare", field meta.outcome: Invalid option');
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
