/**
 * Per-state completeness checks: what each decision (in machine.ts) and each ending (in endings.yaml) must say,
 * and that an ending's learnMore links name real module sections (docs/authoring.md, "Rules").
 */
import { endingError, scenarioError, type ScenarioError } from './errors';
import type { ModuleIndex, ScenarioDefinition, ScenarioState, ScenarioTransition } from './types';
import type { ScenarioVocabulary } from './vocabulary';

export function checkStates(def: ScenarioDefinition, modules?: ModuleIndex): ScenarioError[] {
	const errors: ScenarioError[] = [];
	for (const state of def.states) {
		if (state.kind === 'final') {
			// An ending's words are in endings.yaml: the message names that file and the ending.
			for (const problem of finalProblems(state, modules)) errors.push(endingError(def.slug, state.id, problem));
		} else {
			for (const problem of decisionProblems(state, def.vocabulary)) errors.push(scenarioError(def.slug, state.id, problem));
		}
	}
	return errors;
}

function decisionProblems(state: ScenarioState, vocabulary: ScenarioVocabulary): string[] {
	const problems: string[] = [];
	if (state.narrative.trim() === '') problems.push('has no meta.narrative');
	if (state.choices.length < 2) {
		problems.push(`offers ${state.choices.length} choice${state.choices.length === 1 ? '' : 's'}; a decision needs at least two`);
	}

	const choiceEvents = new Set<string>();
	for (const choice of state.choices) {
		if (choiceEvents.has(choice.event)) problems.push(`lists the choice event "${choice.event}" twice`);
		choiceEvents.add(choice.event);
		const transition = findTransition(state, choice.event);
		if (!transition) {
			problems.push(`choice "${choice.event}" has no transition in on`);
			continue;
		}
		problems.push(...transitionProblems(transition, vocabulary));
	}

	if (state.deadlineSeconds !== null && state.hesitate === null) {
		problems.push('sets meta.deadlineSeconds but no meta.hesitate event');
	}
	if (state.hesitate !== null) {
		if (state.deadlineSeconds === null) problems.push('sets meta.hesitate but no meta.deadlineSeconds');
		const transition = findTransition(state, state.hesitate);
		if (!transition) problems.push(`hesitate event "${state.hesitate}" has no transition in on`);
		else if (!choiceEvents.has(state.hesitate)) problems.push(...transitionProblems(transition, vocabulary));
	}

	for (const transition of state.transitions) {
		if (!choiceEvents.has(transition.event) && transition.event !== state.hesitate) {
			problems.push(`has a transition for "${transition.event}" that is neither a choice nor the hesitate event`);
		}
	}
	return problems;
}

function transitionProblems(transition: ScenarioTransition, vocabulary: ScenarioVocabulary): string[] {
	const problems: string[] = [];
	const name = `transition "${transition.event}"`;
	if (transition.feedback.trim() === '') problems.push(`${name} has no meta.feedback`);
	if (transition.score === null) problems.push(`${name} has no meta.score`);
	else if (!Number.isInteger(transition.score)) {
		problems.push(`${name} has meta.score ${transition.score}; scores are whole numbers`);
	}
	for (const flag of transition.flags) {
		if (!vocabulary.riskFlag(flag)) {
			problems.push(`${name} raises the unknown risk flag "${flag}" (see content/scenario-vocabulary.yaml)`);
		}
	}
	return problems;
}

function finalProblems(state: ScenarioState, modules?: ModuleIndex): string[] {
	const final = state.final;
	if (!final) return ['is final but has no final description'];
	const problems: string[] = [];
	if (final.outcome === null) problems.push('has no outcome');
	if (final.title.trim() === '') problems.push('has no title');
	if (final.narrative.trim() === '') problems.push('has no narrative');
	if (final.debrief.trim() === '') problems.push('has no debrief');
	if (final.learnMore.length === 0) problems.push('has no learnMore links');
	if (modules) {
		for (const link of final.learnMore) {
			const sections = modules.get(link.module);
			if (!sections) {
				problems.push(`learnMore links to module "${link.module}", but there is no content/modules/NN-${link.module}.md`);
			} else if (!sections.has(link.section)) {
				problems.push(`learnMore links to section "${link.section}" of module "${link.module}", which has no such H2 section`);
			}
		}
	}
	return problems;
}

function findTransition(state: ScenarioState, event: string): ScenarioTransition | undefined {
	return state.transitions.find((transition) => transition.event === event);
}
