/**
 * The machine must be pure and flat (docs/authoring.md): top-level atomic and final states only, and no
 * invoke, after, always, actions, guards, context or nested states. The engine relies on this: a run is
 * stepped with the pure `transition` function, and path analysis assumes each event has one fixed target.
 */
import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { scenarioError, type ScenarioError } from './errors';
import type { ScenarioDefinition } from './types';

export function checkPureAndFlat(def: ScenarioDefinition): ScenarioError[] {
	const errors: ScenarioError[] = [];
	const report = (state: string | undefined, problem: string) => errors.push(scenarioError(def.slug, state, problem));
	const { machine } = def;

	if (machine.config.context !== undefined) {
		report(undefined, 'the machine has context; keep the situation in states instead');
	}
	for (const problem of nodeFeatureProblems(machine.root)) report(undefined, `the machine itself ${problem}`);
	for (const [event] of machine.root.transitions) {
		report(undefined, `the machine itself has a transition for "${event}"; put transitions on states`);
	}

	for (const [id, node] of Object.entries(machine.root.states)) {
		if (node.type !== 'atomic' && node.type !== 'final') {
			report(id, `is a ${node.type} state; scenarios use only top-level atomic and final states (no nested states)`);
		}
		for (const problem of nodeFeatureProblems(node)) report(id, problem);
		if (node.type === 'final' && node.transitions.size > 0) {
			report(id, 'is a final state with transitions; a final state ends the scenario');
		}
		for (const [event, definitions] of node.transitions) {
			if (event.startsWith('xstate.')) continue; // created by after/invoke, reported above
			for (const problem of transitionProblems(definitions)) report(id, `transition "${event}" ${problem}`);
		}
	}
	return errors;
}

function nodeFeatureProblems(node: AnyStateNode): string[] {
	const problems: string[] = [];
	if (node.invoke.length > 0) problems.push('uses invoke; model what happens as states and choices');
	if (node.after.length > 0) {
		problems.push('uses after (delayed transitions); model time pressure with deadlineSeconds and states');
	} else {
		// `after` adds its own entry and exit actions, so only report these when it is absent.
		if (node.entry.length > 0) problems.push('has entry actions; scenarios have no actions');
		if (node.exit.length > 0) problems.push('has exit actions; scenarios have no actions');
	}
	if ((node.always?.length ?? 0) > 0) problems.push('uses always (eventless transitions); every step is a choice');
	return problems;
}

function transitionProblems(definitions: readonly AnyTransitionDefinition[]): string[] {
	const problems: string[] = [];
	if (definitions.length > 1) problems.push('has more than one candidate; scenarios have no guards');
	for (const definition of definitions) {
		if (definition.guard !== undefined) problems.push('has a guard; scenarios have no guards');
		if (definition.actions.length > 0) problems.push('has actions; scenarios have no actions');
		const targets = definition.target ?? [];
		if (targets.length === 0) problems.push('has no target; every choice moves the scenario on');
		if (targets.length > 1) problems.push('has more than one target');
		for (const target of targets) {
			if (target.parent !== definition.source.machine.root) {
				problems.push(`targets the nested state "${target.id}"; scenarios use only top-level states`);
			}
		}
	}
	return [...new Set(problems)];
}
