import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { ScenarioLoadError } from './errors';
import { briefingWith, endingWith, fixtureBriefing, fixtureEndings, inlineScenario, loadFixture, VOCABULARY } from '$testing/scenario-fixtures';
import * as goodModule from '$testing/scenarios/good-scenario/machine';
import { loadScenario } from './load';

function loadError(run: () => unknown): ScenarioLoadError {
	try {
		run();
	} catch (error) {
		if (error instanceof ScenarioLoadError) return error;
		throw error;
	}
	throw new Error('expected a ScenarioLoadError');
}

describe('xstate v5 exposes the meta the loader reads', () => {
	// The loader relies on these; if an xstate upgrade moves them, this fails first.
	const { machine } = goodModule;

	it('state meta on StateNode.meta', () => {
		expect(machine.root.states.talking?.meta).toMatchObject({ deadlineSeconds: 30, hesitate: 'WAIT' });
	});

	it('transition meta on TransitionDefinition.meta, via StateNode.transitions and StateNode.on', () => {
		const talk = machine.root.states.arrival?.transitions.get('TALK')?.[0];
		expect(talk?.meta).toEqual({ feedback: 'Good: you gave him time and space.', score: 2, flags: [] });
		expect(talk?.target?.map((node) => node.key)).toEqual(['talking']);
		expect(machine.root.states.arrival?.on.GRAB?.[0]?.meta).toMatchObject({ flags: ['force-first'] });
	});
});

describe('loadScenario', () => {
	it('reads the briefing and describes every state of the fixture', () => {
		const def = loadScenario('good-scenario', goodModule, fixtureBriefing('good-scenario'), fixtureEndings('good-scenario'), VOCABULARY);
		expect(def.slug).toBe('good-scenario');
		expect(def.meta.title).toBe('Test fixture: a man in distress on the high street');
		expect(def.meta.playedAs).toBe('police-constable');
		expect(def.briefingMarkdown).toMatch(/^You are a police constable/);
		expect(def.initial).toBe('arrival');
		expect(def.machine).toBe(goodModule.machine);
		expect(def.states.map((state) => state.id)).toEqual([
			'arrival',
			'talking',
			'consulted',
			'transport',
			'struggle',
			'detained',
			'van',
			'safe',
			'delayed',
			'harm'
		]);
		expect(def.stateById.get('talking')).toEqual({
			id: 'talking',
			kind: 'decision',
			narrative: 'He tells you his name is Sam and that he is frightened.',
			choices: [
				{ event: 'CONSULT', label: 'Phone the mental health triage line' },
				{ event: 'DETAIN_NOW', label: 'Detain him under section 136 straight away' }
			],
			deadlineSeconds: 30,
			hesitate: 'WAIT',
			transitions: [
				{ event: 'CONSULT', target: 'consulted', feedback: 'Consulting first is what the law expects.', score: 2, flags: [] },
				{
					event: 'DETAIN_NOW',
					target: 'detained',
					feedback: 'You did not consult a health professional.',
					score: -1,
					flags: ['no-health-consultation']
				},
				{ event: 'WAIT', target: 'struggle', feedback: 'While you hesitated, Sam ran into the road.', score: -1, flags: [] }
			],
			final: null
		});
		expect(def.stateById.get('safe')).toEqual({
			id: 'safe',
			kind: 'final',
			narrative: 'Sam is assessed in hospital and admitted voluntarily.',
			choices: [],
			deadlineSeconds: null,
			hesitate: null,
			transitions: [],
			final: {
				outcome: 'safe-resolution',
				title: 'Sam is safe & being assessed',
				narrative: 'Sam is assessed in hospital and admitted voluntarily.',
				debrief: 'You talked first, consulted, called an ambulance and handed over.',
				learnMore: [{ module: 'restraint-safety', section: 'warning-signs', label: 'Warning signs' }]
			}
		});
	});

	it('loads incomplete content with empty values, for analyse() to report', async () => {
		const def = await loadFixture('broken-scenario');
		expect(def.stateById.get('loop')?.transitions.find((t) => t.event === 'ON')).toEqual({
			event: 'ON',
			target: 'end',
			feedback: '',
			score: 1,
			flags: []
		});
		expect(def.stateById.get('end')?.final?.debrief).toBe('');
		expect(def.stateById.get('single')?.choices).toHaveLength(1);
	});

	it('describes a transition without a target as staying put, and one without meta as unscored', () => {
		const machine = setup({}).createMachine({
			initial: 'a',
			states: { a: { on: { STAY: {}, GO: 'b' } }, b: { type: 'final' } }
		});
		const def = inlineScenario('targetless', machine);
		expect(def.stateById.get('a')?.transitions).toEqual([
			{ event: 'STAY', target: 'a', feedback: '', score: null, flags: [] },
			{ event: 'GO', target: 'b', feedback: '', score: null, flags: [] }
		]);
	});

	it('names the scenario and machine.ts when there is no machine export', () => {
		for (const module of [undefined, null, {}, { machine: { states: {} } }, { default: goodModule.machine }]) {
			const error = loadError(() => loadScenario('no-machine', module, briefingWith(), fixtureEndings('good-scenario'), VOCABULARY));
			expect(error.issues.map((issue) => issue.message)).toEqual([
				'Scenario "no-machine", field machine.ts: must export `machine`, made with setup({}).createMachine({ … }) from xstate'
			]);
		}
	});

	it('names the scenario and every frontmatter field at fault, all at once', () => {
		const error = loadError(() =>
			loadScenario('bad-briefing', goodModule, briefingWith({ playedAs: 'pc', minutes: 0 }), fixtureEndings('good-scenario'), VOCABULARY)
		);
		expect(error.scenario).toBe('bad-briefing');
		expect(error.issues.map((issue) => issue.field)).toEqual(['frontmatter.playedAs', 'frontmatter.minutes']);
		expect(error.message).toContain('Scenario "bad-briefing", field frontmatter.playedAs: Invalid option');
	});

	it('reports a missing or unreadable frontmatter block', () => {
		expect(loadError(() => loadScenario('no-frontmatter', goodModule, '# Hello', fixtureEndings('good-scenario'), VOCABULARY)).message).toMatch(
			/^Scenario "no-frontmatter", field briefing.md: has no frontmatter/
		);
	});

	it('names the scenario, state and field for meta of the wrong type or with unknown keys', () => {
		const machine = setup({}).createMachine({
			initial: 'a',
			states: {
				a: {
					meta: { narrative: 'A', choices: [{ event: 'GO', label: 'Go' }], deadline: 30 },
					on: { GO: { target: 'b', meta: { feedback: 'ok', score: '2' } } }
				},
				b: { type: 'final' }
			}
		});
		const error = loadError(() => inlineScenario('bad-meta', machine, {}, { b: endingWith('fine') }));
		expect(error.issues.map((issue) => issue.message)).toEqual([
			'Scenario "bad-meta", state "a", field on.GO.meta.score: Invalid input: expected number, received string',
			'Scenario "bad-meta", state "a", field meta: Unrecognized key: "deadline"',
			expect.stringMatching(/^Scenario "bad-meta", endings.yaml, ending "b", field outcome: Invalid option/)
		]);
		expect(error.issues.map((issue) => issue.state)).toEqual(['a', 'a', 'b']);
	});
});
