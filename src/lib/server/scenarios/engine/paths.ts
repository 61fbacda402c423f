/**
 * Every way through a scenario, found by xstate/graph on the real machine. Only the events a learner can
 * actually trigger are explored: the listed choices, plus the hesitate event where a deadline is set.
 */
import type { AnyMachineSnapshot, StateValue } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import type { ScenarioDefinition, ScenarioState, ScenarioTransition } from './types';

export interface PathStep {
	readonly from: string;
	readonly event: string;
	readonly to: string;
	readonly transition: ScenarioTransition;
}

export interface ScenarioPath {
	readonly steps: readonly PathStep[];
	/** State ids from the initial state to the end. */
	readonly states: readonly string[];
	readonly end: string;
}

export interface BackEdge {
	readonly state: string;
	readonly event: string;
	readonly target: string;
}

export interface PathExploration {
	readonly reachable: ReadonlySet<string>;
	/** Simple paths from the initial state that end in a final state. */
	readonly complete: readonly ScenarioPath[];
	/** Transitions that lead back to a state already on the way there. */
	readonly cycles: readonly BackEdge[];
	/** Reachable non-final states with no way out. */
	readonly deadEnds: readonly string[];
}

/** Transitions a learner can take from this state: listed choices and the hesitate event, in that order. */
export function offeredTransitions(state: ScenarioState): ScenarioTransition[] {
	const events = [...state.choices.map((choice) => choice.event)];
	if (state.hesitate !== null) events.push(state.hesitate);
	const offered: ScenarioTransition[] = [];
	for (const event of new Set(events)) {
		const transition = state.transitions.find((candidate) => candidate.event === event);
		if (transition) offered.push(transition);
	}
	return offered;
}

export function explorePaths(def: ScenarioDefinition): PathExploration {
	const stateOf = (snapshot: AnyMachineSnapshot): ScenarioState | undefined => def.stateById.get(topLevelStateId(snapshot.value));

	const paths = getSimplePaths(def.machine, {
		events: (snapshot: AnyMachineSnapshot) => {
			const state = stateOf(snapshot);
			return state ? offeredTransitions(state).map((transition) => ({ type: transition.event })) : [];
		}
	});

	const reachable = new Set<string>();
	const complete: ScenarioPath[] = [];
	const cycles = new Map<string, BackEdge>();
	for (const path of paths) {
		const described = describePath(
			def,
			path.steps.map((step) => ({ event: step.event.type, value: step.state.value }))
		);
		reachable.add(described.end);
		const endState = def.stateById.get(described.end);
		if (endState?.kind === 'final') complete.push(described);
		if (!endState || endState.kind === 'final') continue;
		const visited = new Set(described.states);
		for (const transition of offeredTransitions(endState)) {
			if (visited.has(transition.target)) {
				const key = `${endState.id}\u0000${transition.event}`;
				cycles.set(key, { state: endState.id, event: transition.event, target: transition.target });
			}
		}
	}

	const deadEnds = def.states
		.filter((state) => reachable.has(state.id) && state.kind !== 'final' && offeredTransitions(state).length === 0)
		.map((state) => state.id);

	return { reachable, complete, cycles: [...cycles.values()], deadEnds };
}

function describePath(def: ScenarioDefinition, rawSteps: { event: string; value: StateValue }[]): ScenarioPath {
	// The first step is xstate's own init event into the initial state.
	const states = rawSteps.map((step) => topLevelStateId(step.value));
	const steps: PathStep[] = [];
	for (let i = 1; i < rawSteps.length; i++) {
		const from = states[i - 1] ?? '';
		const event = rawSteps[i]?.event ?? '';
		const transition = def.stateById.get(from)?.transitions.find((candidate) => candidate.event === event);
		if (transition) steps.push({ from, event, to: states[i] ?? '', transition });
	}
	return { steps, states, end: states[states.length - 1] ?? def.initial };
}

/** A flat machine's state value is the state id; for a (forbidden) nested one, take the top-level key. */
export function topLevelStateId(value: StateValue): string {
	return typeof value === 'string' ? value : (Object.keys(value)[0] ?? '');
}
