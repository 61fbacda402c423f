import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { briefingWith, endingsYaml, endingWith, VOCABULARY } from '$testing/scenario-fixtures';
import * as goodModule from '$testing/scenarios/good-scenario/machine';
import { ScenarioLoadError } from './errors';
import { loadScenario } from './load';

/** The good fixture's machine and briefing, with `endings` as its endings.yaml. */
function load(endings: string, machineModule: unknown = goodModule) {
	return loadScenario('endings-test', machineModule, briefingWith(), endings, VOCABULARY);
}

/** The messages of the ScenarioLoadError that loading with `endings` throws. */
function refusal(endings: string, machineModule?: unknown): string[] {
	try {
		load(endings, machineModule);
	} catch (error) {
		if (error instanceof ScenarioLoadError) return error.issues.map((issue) => issue.message);
		throw error;
	}
	throw new Error('expected a ScenarioLoadError');
}

/** A machine written before endings.yaml, its final state's words in its meta. */
const oldStyle = setup({}).createMachine({
	initial: 'a',
	states: { a: { on: { GO: 'b' } }, b: { type: 'final', meta: { outcome: 'harm', title: 'Old style' } } }
});

const complete = { safe: endingWith('safe-resolution'), delayed: endingWith('delayed-care'), harm: endingWith('risk-of-death') };

describe('endings.yaml', () => {
	it('gives each final state its words, block scalars read as the prose they fold', () => {
		const def = load(
			`safe:\n  outcome: safe-resolution\n  title: "Sam is safe: assessed in hospital"\n  narrative: >-\n    Sam is assessed in hospital\n    and admitted "voluntarily".\n` +
				`  debrief: >-\n    You didn't rush.\n  learnMore:\n    - { module: restraint-safety, section: warning-signs, label: Warning signs }\n` +
				endingsYaml({ delayed: complete.delayed, harm: complete.harm })
		);
		expect(def.stateById.get('safe')?.final).toEqual({
			outcome: 'safe-resolution',
			title: 'Sam is safe: assessed in hospital',
			narrative: 'Sam is assessed in hospital and admitted "voluntarily".',
			debrief: "You didn't rush.",
			learnMore: [{ module: 'restraint-safety', section: 'warning-signs', label: 'Warning signs' }]
		});
		expect(def.stateById.get('safe')?.narrative).toBe('Sam is assessed in hospital and admitted "voluntarily".');
		expect(def.stateById.get('harm')?.final?.outcome).toBe('risk-of-death');
		expect(def.stateById.get('arrival')?.final).toBeNull();
	});

	it('refuses a scenario without one', () => {
		for (const endings of ['', '  \n']) {
			expect(refusal(endings)).toEqual([
				'Scenario "endings-test", field endings.yaml: is missing or empty: give each final state of machine.ts its ending there, keyed by its id'
			]);
		}
	});

	it('refuses a file that is not YAML, or not a mapping of final states to endings', () => {
		expect(refusal('safe: [unclosed\n')).toEqual([expect.stringMatching(/^Scenario "endings-test", field endings.yaml: is not valid YAML: /)]);
		for (const endings of ['- safe\n- harm\n', 'just words\n']) {
			expect(refusal(endings)).toEqual([
				'Scenario "endings-test", field endings.yaml: must map each final state id to its ending (outcome, title, narrative, debrief, learnMore)'
			]);
		}
	});

	it('refuses a final state without an entry, naming it', () => {
		expect(refusal(endingsYaml({ safe: complete.safe, harm: complete.harm }))).toEqual([
			'Scenario "endings-test", endings.yaml, ending "delayed": has no entry, but machine.ts declares "delayed" as a final state'
		]);
	});

	it('refuses a final state that keeps its words in machine.ts, so they have one home', () => {
		expect(refusal(endingsYaml({ b: endingWith('harm') }), { machine: oldStyle })).toEqual([
			'Scenario "endings-test", state "b", field meta: a final state\'s words belong in endings.yaml, under "b", not in machine.ts'
		]);
	});
	it('refuses an entry given twice', () => {
		const twice = `${endingsYaml(complete)}${endingsYaml({ harm: complete.harm })}`;
		expect(refusal(twice)).toEqual(['Scenario "endings-test", endings.yaml, ending "harm": has more than one entry; each final state has exactly one']);
	});

	it('refuses an entry that is not a final state of the machine', () => {
		expect(refusal(endingsYaml({ ...complete, saef: complete.safe, arrival: complete.harm }))).toEqual([
			'Scenario "endings-test", endings.yaml, ending "saef": names no state of machine.ts (its final states: safe, delayed, harm)',
			'Scenario "endings-test", endings.yaml, ending "arrival": names a decision state of machine.ts; only final states have endings'
		]);
	});

	it('refuses an outcome the vocabulary does not have, naming the scenario, ending and field', () => {
		const messages = refusal(endingsYaml({ ...complete, harm: endingWith('handed-to-family') }));
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatch(/^Scenario "endings-test", endings.yaml, ending "harm", field outcome: Invalid option: expected one of "safe-resolution"\|/);
	});

	it('refuses unknown keys, wrong types and malformed learnMore links, every problem at once', () => {
		const messages = refusal(
			endingsYaml({
				safe: endingWith('safe-resolution', { summary: 'An extra field' }),
				delayed: endingWith('delayed-care', { title: 3, learnMore: [{ module: 'Restraint Safety', section: 'warning-signs', label: 'Warning signs' }] }),
				harm: null
			})
		);
		expect(messages).toEqual([
			'Scenario "endings-test", endings.yaml, ending "safe": Unrecognized key: "summary"',
			'Scenario "endings-test", endings.yaml, ending "delayed", field title: Invalid input: expected string, received number',
			'Scenario "endings-test", endings.yaml, ending "delayed", field learnMore[0].module: must be lower-case words joined by hyphens',
			'Scenario "endings-test", endings.yaml, ending "harm": Invalid input: expected object, received null'
		]);
	});
});
