/**
 * Authoring checks over a loaded scenario: purity, completeness of every state, and the shape of the graph
 * (reachability, no cycles, every path ends), then whether the scenario can be passed and is rich enough.
 * Pure: module links are checked against a ModuleIndex passed in.
 */
import { scenarioError, type ScenarioError } from './errors';
import { explorePaths, type ScenarioPath } from './paths';
import { checkPureAndFlat } from './purity';
import { evaluatePass } from './scoring';
import { checkStates } from './state-checks';
import type { ModuleIndex, ScenarioDefinition } from './types';

export const MIN_DECISIONS_ON_BEST_PATH = 4;
export const MIN_DISTINCT_OUTCOMES = 3;

export interface AnalyseOptions {
	/** Known modules and their section ids; without it learnMore links are not checked against content. */
	readonly modules?: ModuleIndex;
}

export interface ScoredPath {
	readonly path: ScenarioPath;
	readonly score: number;
	readonly outcome: string | null;
	readonly passed: boolean;
}

export interface ScenarioAnalysis {
	readonly slug: string;
	readonly states: number;
	/** Non-final states. */
	readonly decisions: number;
	/** Complete paths from the start to a final state. */
	readonly paths: number;
	readonly passingPaths: number;
	/** Distinct outcomes reachable, sorted. */
	readonly outcomes: string[];
	readonly bestScore: number | null;
	readonly worstScore: number | null;
	/** Events of the best passing path (or the best path, if none passes). */
	readonly bestPath: string[];
	/** State ids along bestPath, from the initial state. */
	readonly bestPathStates: string[];
	readonly errors: ScenarioError[];
}

export function analyse(def: ScenarioDefinition, options: AnalyseOptions = {}): ScenarioAnalysis {
	const errors: ScenarioError[] = [];
	const report = (state: string | undefined, problem: string) => errors.push(scenarioError(def.slug, state, problem));

	errors.push(...checkPureAndFlat(def));
	if (!def.stateById.has(def.initial)) report(undefined, 'has no top-level initial state');
	errors.push(...checkStates(def, options.modules));

	let exploration;
	try {
		exploration = explorePaths(def);
	} catch (error) {
		report(undefined, `could not be explored by xstate/graph: ${error instanceof Error ? error.message : String(error)}`);
		return summary(def, [], errors);
	}

	for (const state of def.states) {
		if (!exploration.reachable.has(state.id)) report(state.id, 'cannot be reached from the start by any choice');
	}
	for (const edge of exploration.cycles) {
		report(edge.state, `choice "${edge.event}" leads back to "${edge.target}", making a cycle; every path must end`);
	}
	for (const state of exploration.deadEnds) {
		report(state, 'is a dead end: no choice leads on from here, so the path never reaches a final state');
	}

	const scored = exploration.complete.map((path) => scorePath(def, path));
	const result = summary(def, scored, errors);

	if (scored.length > 0 && result.passingPaths === 0) {
		const { outcomes, minScore, noCriticalFlags } = def.meta.pass;
		report(
			undefined,
			`no path meets the pass criteria (outcome ${outcomes.join(' or ')}, score at least ${minScore}` +
				`${noCriticalFlags ? ', no critical flag' : ''}); the best possible score is ${result.bestScore}`
		);
	}
	if (scored.length > 0 && result.bestPath.length < MIN_DECISIONS_ON_BEST_PATH) {
		report(undefined, `the best path has ${result.bestPath.length} decision(s); a scenario needs at least ${MIN_DECISIONS_ON_BEST_PATH}`);
	}
	if (result.outcomes.length < MIN_DISTINCT_OUTCOMES) {
		report(
			undefined,
			`reaches ${result.outcomes.length} distinct outcome(s) (${result.outcomes.join(', ') || 'none'}); ` + `a scenario needs at least ${MIN_DISTINCT_OUTCOMES}`
		);
	}
	return result;
}

export function scorePath(def: ScenarioDefinition, path: ScenarioPath): ScoredPath {
	const score = path.steps.reduce((total, step) => total + (step.transition.score ?? 0), 0);
	const flagIds = path.steps.flatMap((step) => step.transition.flags);
	const outcome = def.stateById.get(path.end)?.final?.outcome ?? null;
	const { passed } = evaluatePass(def.meta.pass, { outcome, score, flagIds }, def.vocabulary);
	return { path, score, outcome, passed };
}

function summary(def: ScenarioDefinition, scored: readonly ScoredPath[], errors: ScenarioError[]): ScenarioAnalysis {
	const best = pickBest(def, scored);
	const scores = scored.map((candidate) => candidate.score);
	const outcomes = new Set(scored.flatMap((candidate) => (candidate.outcome ? [candidate.outcome] : [])));
	return {
		slug: def.slug,
		states: def.states.length,
		decisions: def.states.filter((state) => state.kind === 'decision').length,
		paths: scored.length,
		passingPaths: scored.filter((candidate) => candidate.passed).length,
		outcomes: [...outcomes].sort(),
		bestScore: scores.length > 0 ? Math.max(...scores) : null,
		worstScore: scores.length > 0 ? Math.min(...scores) : null,
		bestPath: best ? best.path.steps.map((step) => step.event) : [],
		bestPathStates: best ? [...best.path.states] : [],
		errors
	};
}

/**
 * The main path: passing paths before failing ones, then the highest score, then paths that never
 * hesitate, then the longest (more decisions shows more of the scenario). Ties keep xstate's order.
 */
function pickBest(def: ScenarioDefinition, scored: readonly ScoredPath[]): ScoredPath | undefined {
	const hesitations = (candidate: ScoredPath) => candidate.path.steps.filter((step) => step.event === def.stateById.get(step.from)?.hesitate).length;
	return [...scored].sort(
		(a, b) => Number(b.passed) - Number(a.passed) || b.score - a.score || hesitations(a) - hesitations(b) || b.path.steps.length - a.path.steps.length
	)[0];
}
