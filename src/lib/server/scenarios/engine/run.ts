/**
 * Pure run logic. The server stores the persisted snapshot and step number with each run and wraps these
 * calls in a database transaction; nothing here keeps state between calls, so a run survives a restart.
 * Learners only ever see choices by event and label: scores, flags and feedback stay on the server
 * until a choice has been made.
 */
import { createActor, initialTransition, transition, type AnyMachineSnapshot, type Snapshot } from 'xstate';
import { z } from 'zod';
import { describeFlags, evaluatePass } from './scoring';
import { effectiveDeadline, type TimeLimit } from './timing';
import type { ScenarioChoice, ScenarioDefinition, ScenarioFinal, ScenarioState } from './types';
import type { RiskFlag } from './vocabulary';

/** What xstate's getPersistedSnapshot() gives, after a JSON round trip: safe to store as JSON text. */
export type PersistedRunSnapshot = {
	readonly status: 'active' | 'done';
	readonly value: string;
} & Readonly<Record<string, unknown>>;

export interface RunStart {
	readonly snapshot: PersistedRunSnapshot;
	readonly step: 0;
}

export interface RunView {
	readonly stateId: string;
	readonly finished: boolean;
	readonly narrative: string;
	/** Event and label only: never scores, flags or feedback. */
	readonly choices: readonly ScenarioChoice[];
	readonly deadlineSeconds: number | null;
	/** Set when the run has ended. */
	readonly final: ScenarioFinal | null;
}

export interface ChoiceInput {
	/** The event the learner chose. */
	readonly event: string;
	/** The step the learner's page was showing. */
	readonly step: number;
	/** The step the stored run is at. */
	readonly expectedStep: number;
	/** When the current state was first shown to the learner (stored by the server, not sent by the browser). */
	readonly shownAt: Date;
	readonly now: Date;
	/** The learner's chosen time limits for this run (the scenario's own when not given). */
	readonly timeLimit?: TimeLimit;
}

export interface StepRecord {
	/** Index of this decision in the run, from 0. */
	readonly step: number;
	readonly from: string;
	/** The event applied: the learner's choice, or the hesitate event if they chose too late. */
	readonly event: string;
	readonly chosenEvent: string;
	readonly to: string;
	readonly feedback: string;
	readonly score: number;
	readonly flags: readonly string[];
	readonly late: boolean;
}

export type ChoiceRejection = 'not-allowed' | 'stale-step' | 'finished';

export type ChoiceResult =
	| { readonly ok: true; readonly snapshot: PersistedRunSnapshot; readonly step: number; readonly record: StepRecord }
	| { readonly ok: false; readonly reason: ChoiceRejection; readonly message: string };

export interface RunSummary {
	readonly score: number;
	/** Unique known flags, most severe first. */
	readonly flags: readonly RiskFlag[];
	readonly outcome: string | null;
	readonly finalStateId: string | null;
	readonly lateDecisions: number;
	readonly passed: boolean;
	readonly reasons: readonly string[];
}

/** A stored snapshot that does not fit the scenario: corrupt data, or the scenario changed under a live run. */
export class RunSnapshotError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RunSnapshotError';
	}
}

export const REJECTION_MESSAGES: Readonly<Record<ChoiceRejection, string>> = {
	finished: 'This scenario has already ended. Start it again if you want to try different choices.',
	'stale-step':
		'That answer was for an earlier point in the scenario (perhaps the page was sent twice or is open in another tab). ' + 'Here is where you are now.',
	'not-allowed': 'That choice is not available at this point in the scenario. Please pick one of the choices shown.'
};

export function startRun(def: ScenarioDefinition): RunStart {
	const [initial] = initialTransition(def.machine);
	return { snapshot: persist(def, initial), step: 0 };
}

export function currentView(def: ScenarioDefinition, snapshot: unknown): RunView {
	const { state } = restore(def, snapshot);
	return {
		stateId: state.id,
		finished: state.kind === 'final',
		narrative: state.narrative,
		choices: state.choices.map(({ event, label }) => ({ event, label })),
		deadlineSeconds: state.deadlineSeconds,
		final: state.final
	};
}

export function applyChoice(def: ScenarioDefinition, snapshot: unknown, input: ChoiceInput): ChoiceResult {
	const { restored, state } = restore(def, snapshot);
	if (state.kind === 'final') return reject('finished');
	if (input.step !== input.expectedStep) return reject('stale-step');
	const choice = state.choices.find((candidate) => candidate.event === input.event);
	if (!choice) return reject('not-allowed');

	const deadlineSeconds = effectiveDeadline(state.deadlineSeconds, input.timeLimit ?? 'standard');
	const late = isLate(deadlineSeconds, input.shownAt, input.now);
	const event = late ? hesitateEvent(def, state) : choice.event;
	const transitionMeta = state.transitions.find((candidate) => candidate.event === event);
	if (!transitionMeta) {
		throw new Error(`Scenario "${def.slug}", state "${state.id}": no transition for "${event}"; run analyse()`);
	}

	const [next] = transition(def.machine, restored, { type: event });
	const to = String(next.value);
	if (to !== transitionMeta.target) {
		throw new Error(`Scenario "${def.slug}", state "${state.id}": "${event}" led to "${to}", not "${transitionMeta.target}"`);
	}

	const feedback = late ? lateFeedback(choice, deadlineSeconds ?? 0, input) + transitionMeta.feedback : transitionMeta.feedback;
	return {
		ok: true,
		snapshot: persist(def, next),
		step: input.expectedStep + 1,
		record: {
			step: input.expectedStep,
			from: state.id,
			event,
			chosenEvent: choice.event,
			to,
			feedback,
			score: transitionMeta.score ?? 0,
			flags: [...transitionMeta.flags],
			late
		}
	};
}

export function summariseRun(def: ScenarioDefinition, records: readonly Pick<StepRecord, 'to' | 'score' | 'flags' | 'late'>[]): RunSummary {
	const last = records[records.length - 1];
	const endState = last ? def.stateById.get(last.to) : undefined;
	const final = endState?.kind === 'final' ? endState : undefined;
	const score = records.reduce((total, record) => total + record.score, 0);
	const flagIds = records.flatMap((record) => record.flags);
	const outcome = final?.final?.outcome ?? null;
	const verdict = evaluatePass(def.meta.pass, { outcome, score, flagIds }, def.vocabulary);
	return {
		score,
		flags: describeFlags(flagIds, def.vocabulary),
		outcome,
		finalStateId: final?.id ?? null,
		lateDecisions: records.filter((record) => record.late).length,
		passed: verdict.passed,
		reasons: verdict.reasons
	};
}

/** The states a run passed through, from the initial state: the learnerPath for renderScenarioDiagram(). */
export function statePathOfRun(def: ScenarioDefinition, records: readonly Pick<StepRecord, 'to'>[]): string[] {
	return [def.initial, ...records.map((record) => record.to)];
}

/** Strictly more than the deadline counts as late, so an answer right on time is accepted. */
export function isLate(deadlineSeconds: number | null, shownAt: Date, now: Date): boolean {
	if (deadlineSeconds === null) return false;
	const elapsed = now.getTime() - shownAt.getTime();
	if (Number.isNaN(elapsed)) throw new TypeError('shownAt and now must be valid dates');
	return elapsed > deadlineSeconds * 1000;
}

function hesitateEvent(def: ScenarioDefinition, state: ScenarioState): string {
	if (state.hesitate === null) {
		throw new Error(`Scenario "${def.slug}", state "${state.id}": deadlineSeconds is set without hesitate; run analyse()`);
	}
	return state.hesitate;
}

function lateFeedback(choice: ScenarioChoice, deadlineSeconds: number, input: ChoiceInput): string {
	const took = Math.round((input.now.getTime() - input.shownAt.getTime()) / 1000);
	return (
		`Too late: you chose "${choice.label}" after ${took} seconds, but this decision had to be made within ` +
		`${deadlineSeconds} seconds, so the situation moved on before you acted. `
	);
}

function reject(reason: ChoiceRejection): ChoiceResult {
	return { ok: false, reason, message: REJECTION_MESSAGES[reason] };
}

function persist(def: ScenarioDefinition, snapshot: AnyMachineSnapshot): PersistedRunSnapshot {
	// The JSON round trip gives exactly what the database will hand back later.
	return JSON.parse(JSON.stringify(def.machine.getPersistedSnapshot(snapshot))) as PersistedRunSnapshot;
}

const persistedShape = z.looseObject({
	status: z.enum(['active', 'done']),
	value: z.string()
});

function restore(def: ScenarioDefinition, snapshot: unknown): { restored: AnyMachineSnapshot; state: ScenarioState } {
	const parsed = persistedShape.safeParse(snapshot);
	if (!parsed.success) {
		throw new RunSnapshotError(`Scenario "${def.slug}": the stored run snapshot is not a scenario snapshot`);
	}
	const state = def.stateById.get(parsed.data.value);
	if (!state) {
		throw new RunSnapshotError(`Scenario "${def.slug}": the stored run is in state "${parsed.data.value}", which the scenario no longer has`);
	}
	if ((state.kind === 'final') !== (parsed.data.status === 'done')) {
		throw new RunSnapshotError(`Scenario "${def.slug}", state "${state.id}": the stored run status does not match the state`);
	}
	// Restoring through an actor (never started, so nothing runs) is xstate's documented rehydration path.
	const persisted = parsed.data as unknown as Snapshot<unknown>;
	const restored = createActor(def.machine, { snapshot: persisted }).getSnapshot() as AnyMachineSnapshot;
	return { restored, state };
}
