/**
 * What a scenario's machine.ts imports to write its states (docs/authoring.md): a decision names each choice's
 * event once (the choice the learner sees and the transition it takes come from one entry), and an ending is a
 * final state, whose words are in endings.yaml beside machine.ts. Both return plain XState state configs, exactly
 * what an author would otherwise write by hand, so the scenario engine (src/lib/server/scenarios/engine/) loads
 * and checks them like any other machine. It lives with the content, which imports nothing from src/, so the
 * content folder can be checked from anywhere.
 */

/** The event a timed decision takes when no answer comes in time, unless the decision names another. */
export const HESITATE = 'HESITATE';

/** Where a choice leads, and what the debrief says and counts about it. */
export type ChoiceOutcome = { target: string; feedback: string; score: number; flags: string[] };

/** A choice the learner is offered: the words on its button and its outcome. */
export type Choice = ChoiceOutcome & { label: string };

export type DecisionSpec = {
	/** What the learner reads in this state. */
	narrative: string;
	/** Event name → choice, in the order they are offered. */
	choices: Record<string, Choice>;
	/** Optional time limit: an answer after it counts as `onHesitate`, which is a transition but not a listed choice. */
	deadlineSeconds?: number;
	onHesitate?: ChoiceOutcome & { event?: string };
};

const transition = ({ target, feedback, score, flags }: ChoiceOutcome) => ({ target, meta: { feedback, score, flags } });

/** A state where the learner decides: its narrative, its choices and the transition each one takes. */
export function decision({ narrative, choices, deadlineSeconds, onHesitate }: DecisionSpec) {
	const offered = Object.entries(choices);
	const hesitate = onHesitate ? (onHesitate.event ?? HESITATE) : undefined;
	const timed = deadlineSeconds === undefined ? {} : { deadlineSeconds, hesitate };
	const on = Object.fromEntries(offered.map(([event, choice]) => [event, transition(choice)]));
	if (onHesitate && hesitate) on[hesitate] = transition(onHesitate);
	return {
		meta: { narrative, choices: offered.map(([event, { label }]) => ({ event, label })), ...timed },
		on
	};
}

/**
 * A final state: the scenario ends here. machine.ts only declares it (and the transitions to it); its words, the
 * outcome, title, narrative, debrief and learnMore links, are the entry under this state's id in endings.yaml
 * beside machine.ts.
 */
export function ending() {
	return { type: 'final' as const };
}
