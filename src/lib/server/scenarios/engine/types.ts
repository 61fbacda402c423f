/**
 * The normalised, plain description of a scenario that the rest of the engine works on.
 * It is read out of the real xstate machine (and, for final states, the scenario's endings.yaml) by
 * loadScenario(); fields that an author left out are
 * empty here ('' / [] / null) and reported by analyse(), so only analysed-clean scenarios should be served.
 */
import type { AnyStateMachine } from 'xstate';
import type { LearnMoreLink, ScenarioFrontmatter } from './schema';
import type { ScenarioVocabulary } from './vocabulary';

export type { LearnMoreLink, ScenarioFrontmatter };

export interface ScenarioChoice {
	/** The machine event this choice sends. */
	readonly event: string;
	/** What the learner reads on the button. */
	readonly label: string;
}

export interface ScenarioTransition {
	readonly event: string;
	/** Top-level state id the transition leads to (the source itself for a targetless transition). */
	readonly target: string;
	readonly feedback: string;
	/** null when the author gave no score. */
	readonly score: number | null;
	/** Risk flag ids as written; analyse() checks the vocabulary has them. */
	readonly flags: readonly string[];
}

/** How a final state ends the scenario: its entry in the scenario's endings.yaml. */
export interface ScenarioFinal {
	/** An outcome id of the scenario's vocabulary (checked at load), or null when the author gave none. */
	readonly outcome: string | null;
	readonly title: string;
	readonly narrative: string;
	readonly debrief: string;
	readonly learnMore: readonly LearnMoreLink[];
}

export interface ScenarioState {
	readonly id: string;
	readonly kind: 'decision' | 'final';
	/** What the learner reads in this state (for a final state, the final narrative). */
	readonly narrative: string;
	readonly choices: readonly ScenarioChoice[];
	readonly deadlineSeconds: number | null;
	/** Event applied when the deadline passes. */
	readonly hesitate: string | null;
	readonly transitions: readonly ScenarioTransition[];
	/** Set for final states only. */
	readonly final: ScenarioFinal | null;
}

export interface ScenarioDefinition {
	readonly slug: string;
	readonly meta: ScenarioFrontmatter;
	/** The risk flags and outcomes the scenario was loaded against (content/scenario-vocabulary.yaml). */
	readonly vocabulary: ScenarioVocabulary;
	/** The briefing body (Markdown, frontmatter removed). */
	readonly briefingMarkdown: string;
	readonly machine: AnyStateMachine;
	/** Id of the state a run starts in. */
	readonly initial: string;
	/** Every top-level state, in the order the machine declares them. */
	readonly states: readonly ScenarioState[];
	readonly stateById: ReadonlyMap<string, ScenarioState>;
}

/** Module slug -> its section ids, so analyse() can check learnMore links without reading files. */
export type ModuleIndex = ReadonlyMap<string, ReadonlySet<string>>;
