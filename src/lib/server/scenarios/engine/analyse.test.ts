import { assign, fromPromise, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { endingWith, FIXTURE_MODULES, inlineScenario, loadFixture } from '$testing/scenario-fixtures';
import { explorePaths, offeredTransitions } from './paths';

/** A valid two-choice decision leading to `target` and `other`. */
function decision(narrative: string, target: string, other: string, score = 1) {
	return {
		meta: {
			narrative,
			choices: [
				{ event: 'GOOD', label: 'Good choice' },
				{ event: 'BAD', label: 'Bad choice' }
			]
		},
		on: {
			GOOD: { target, meta: { feedback: 'Good.', score } },
			BAD: { target: other, meta: { feedback: 'Bad.', score: -1, flags: ['force-first'] } }
		}
	};
}

/** A final state; its words come from the endings given to inlineScenario (a complete `harm` ending by default). */
const ending = { type: 'final' as const };

describe('analyse: the good fixture', () => {
	it('finds no errors and reports the shape of the scenario', async () => {
		const report = analyse(await loadFixture('good-scenario'), { modules: FIXTURE_MODULES });
		expect(report).toEqual({
			slug: 'good-scenario',
			states: 10,
			decisions: 7,
			paths: 10,
			passingPaths: 1,
			outcomes: ['delayed-care', 'risk-of-death', 'safe-resolution'],
			bestScore: 8,
			worstScore: -5,
			bestPath: ['TALK', 'CONSULT', 'AMBULANCE', 'HANDOVER'],
			bestPathStates: ['arrival', 'talking', 'consulted', 'transport', 'safe'],
			errors: []
		});
	});

	it('explores the hesitate event of a deadline state as well as the choices', async () => {
		const def = await loadFixture('good-scenario');
		const { complete } = explorePaths(def);
		expect(complete).toHaveLength(10);
		expect(complete.some((path) => path.steps.some((step) => step.event === 'WAIT'))).toBe(true);
		expect(offeredTransitions(def.stateById.get('talking')!).map((t) => t.event)).toEqual(['CONSULT', 'DETAIN_NOW', 'WAIT']);
	});
});

describe('analyse: the broken fixture', () => {
	it('reports each fault, naming the scenario and the state', async () => {
		const report = analyse(await loadFixture('broken-scenario'), { modules: FIXTURE_MODULES });
		const messages = report.errors.map((error) => error.message);
		expect(messages).toEqual(
			expect.arrayContaining([
				'Scenario "broken-scenario", state "orphan": cannot be reached from the start by any choice',
				'Scenario "broken-scenario", state "loop": transition "ON" has no meta.feedback',
				'Scenario "broken-scenario", endings.yaml, ending "end": has no debrief',
				'Scenario "broken-scenario", state "loop": choice "BACK" leads back to "start", making a cycle; every path must end',
				'Scenario "broken-scenario", state "single": offers 1 choice; a decision needs at least two',
				'Scenario "broken-scenario", state "start": transition "B" raises the unknown risk flag "not-a-real-flag" (see content/scenario-vocabulary.yaml)'
			])
		);
		const byState = new Map(report.errors.map((error) => [error.state, error]));
		for (const state of ['orphan', 'loop', 'end', 'single', 'start']) {
			expect(byState.get(state)?.scenario).toBe('broken-scenario');
		}
	});

	it('also reports the scenario-wide rules it breaks', async () => {
		const report = analyse(await loadFixture('broken-scenario'), { modules: FIXTURE_MODULES });
		const scenarioWide = report.errors.filter((error) => error.state === undefined).map((error) => error.message);
		expect(scenarioWide).toEqual([
			'Scenario "broken-scenario": no path meets the pass criteria (outcome safe-resolution, score at least 6, no critical flag); the best possible score is 2',
			'Scenario "broken-scenario": the best path has 2 decision(s); a scenario needs at least 4',
			'Scenario "broken-scenario": reaches 1 distinct outcome(s) (harm); a scenario needs at least 3'
		]);
	});
});

describe('analyse: individual rules', () => {
	it('rejects machines that are not pure and flat', () => {
		const machine = setup({
			actors: { fetchSomething: fromPromise(async () => 1) },
			guards: { always: () => true }
		}).createMachine({
			context: { count: 0 },
			initial: 'a',
			states: {
				a: {
					entry: assign({ count: 1 }),
					...decision('A', 'b', 'c'),
					after: { 1000: 'c' }
				},
				b: { invoke: { src: 'fetchSomething' }, always: [{ target: 'c', guard: 'always' }], ...decision('B', 'c', 'c') },
				c: { initial: 'inner', states: { inner: {} } }
			}
		});
		const messages = analyse(inlineScenario('impure', machine)).errors.map((error) => error.message);
		expect(messages).toEqual(
			expect.arrayContaining([
				'Scenario "impure": the machine has context; keep the situation in states instead',
				'Scenario "impure", state "a": uses after (delayed transitions); model time pressure with deadlineSeconds and states',
				'Scenario "impure", state "b": uses invoke; model what happens as states and choices',
				'Scenario "impure", state "b": uses always (eventless transitions); every step is a choice',
				'Scenario "impure", state "c": is a compound state; scenarios use only top-level atomic and final states (no nested states)'
			])
		);
	});

	it('rejects entry actions, guards and transition actions', () => {
		const machine = setup({ guards: { ok: () => true } }).createMachine({
			initial: 'a',
			states: {
				a: {
					entry: () => undefined,
					meta: decision('A', 'b', 'b').meta,
					on: {
						GOOD: { target: 'b', guard: 'ok', meta: { feedback: 'Good.', score: 1 } },
						BAD: { target: 'b', actions: () => undefined, meta: { feedback: 'Bad.', score: 0 } }
					}
				},
				b: ending
			}
		});
		const messages = analyse(inlineScenario('actions', machine)).errors.map((error) => error.message);
		expect(messages).toEqual(
			expect.arrayContaining([
				'Scenario "actions", state "a": has entry actions; scenarios have no actions',
				'Scenario "actions", state "a": transition "GOOD" has a guard; scenarios have no guards',
				'Scenario "actions", state "a": transition "BAD" has actions; scenarios have no actions'
			])
		);
	});

	it('checks deadlines, hidden transitions, scores and dead ends', () => {
		const machine = setup({}).createMachine({
			initial: 'a',
			states: {
				a: {
					meta: {
						narrative: 'A',
						choices: [
							{ event: 'GOOD', label: 'Good' },
							{ event: 'BAD', label: 'Bad' }
						],
						deadlineSeconds: 20
					},
					on: {
						GOOD: { target: 'b', meta: { feedback: 'Good.', score: 1.5 } },
						BAD: { target: 'stuck', meta: { feedback: 'Bad.' } },
						SECRET: { target: 'b', meta: { feedback: 'Hidden.', score: 9 } }
					}
				},
				stuck: {
					meta: {
						narrative: 'Stuck',
						choices: [
							{ event: 'X', label: 'X' },
							{ event: 'Y', label: 'Y' }
						]
					}
				},
				b: ending
			}
		});
		const messages = analyse(inlineScenario('rules', machine)).errors.map((error) => error.message);
		expect(messages).toEqual(
			expect.arrayContaining([
				'Scenario "rules", state "a": sets meta.deadlineSeconds but no meta.hesitate event',
				'Scenario "rules", state "a": transition "GOOD" has meta.score 1.5; scores are whole numbers',
				'Scenario "rules", state "a": transition "BAD" has no meta.score',
				'Scenario "rules", state "a": has a transition for "SECRET" that is neither a choice nor the hesitate event',
				'Scenario "rules", state "stuck": choice "X" has no transition in on',
				'Scenario "rules", state "stuck": is a dead end: no choice leads on from here, so the path never reaches a final state'
			])
		);
	});

	it('requires a hesitate transition where a deadline is set', () => {
		const machine = setup({}).createMachine({
			initial: 'a',
			states: {
				a: { ...decision('A', 'b', 'b'), meta: { ...decision('A', 'b', 'b').meta, deadlineSeconds: 10, hesitate: 'WAIT' } },
				b: ending
			}
		});
		const messages = analyse(inlineScenario('hesitate', machine)).errors.map((error) => error.message);
		expect(messages).toContain('Scenario "hesitate", state "a": hesitate event "WAIT" has no transition in on');
	});

	it('checks every ending is complete, naming endings.yaml and the ending', () => {
		const machine = setup({}).createMachine({
			initial: 'a',
			states: { a: decision('A', 'b', 'b'), b: ending }
		});
		const messages = analyse(inlineScenario('finals', machine, {}, { b: { title: '  ' } })).errors.map((error) => error.message);
		expect(messages).toEqual(
			expect.arrayContaining([
				'Scenario "finals", endings.yaml, ending "b": has no outcome',
				'Scenario "finals", endings.yaml, ending "b": has no title',
				'Scenario "finals", endings.yaml, ending "b": has no narrative',
				'Scenario "finals", endings.yaml, ending "b": has no debrief',
				'Scenario "finals", endings.yaml, ending "b": has no learnMore links'
			])
		);
	});

	it('checks learnMore links against the modules it is given', () => {
		const machine = setup({}).createMachine({
			initial: 'a',
			states: { a: decision('A', 'b', 'b'), b: ending }
		});
		const def = inlineScenario('links', machine);
		const modules = new Map([['restraint-safety', new Set(['the-law'])]]);
		expect(analyse(def, { modules }).errors.map((error) => error.message)).toContain(
			'Scenario "links", endings.yaml, ending "b": learnMore links to section "warning-signs" of module "restraint-safety", which has no such H2 section'
		);
		expect(analyse(def, { modules: new Map() }).errors.map((error) => error.message)).toContain(
			'Scenario "links", endings.yaml, ending "b": learnMore links to module "restraint-safety", but there is no content/modules/NN-restraint-safety.md'
		);
		const linkErrors = analyse(def).errors.filter((error) => error.message.includes('learnMore links to'));
		expect(linkErrors).toEqual([]);
	});

	it('picks the best passing path, and reports when none passes', () => {
		const machine = setup({}).createMachine({
			initial: 'a',
			states: {
				a: decision('A', 'b', 'risky'),
				b: decision('B', 'c', 'late'),
				c: decision('C', 'd', 'late'),
				d: decision('D', 'safe', 'late'),
				risky: decision('Risky', 'late', 'dead'),
				safe: ending,
				late: ending,
				dead: ending
			}
		});
		const endings = { safe: endingWith('safe-resolution'), late: endingWith('delayed-care'), dead: endingWith('risk-of-death') };
		const passing = analyse(inlineScenario('best', machine, { pass: { outcomes: ['safe-resolution'], minScore: 4, noCriticalFlags: true } }, endings));
		expect(passing.errors).toEqual([]);
		expect(passing.bestPath).toEqual(['GOOD', 'GOOD', 'GOOD', 'GOOD']);
		expect(passing.bestScore).toBe(4);
		expect(passing.worstScore).toBe(-2);

		const impossible = analyse(inlineScenario('best', machine, { pass: { outcomes: ['safe-resolution'], minScore: 5, noCriticalFlags: true } }, endings));
		expect(impossible.errors.map((error) => error.message)).toEqual([
			'Scenario "best": no path meets the pass criteria (outcome safe-resolution, score at least 5, no critical flag); the best possible score is 4'
		]);
	});
});
