/** What the scenario routes share: finding things or answering 404, and the public parts of a scenario and its runs. */
import { formatLondonClockTime, formatLondonLongDateTime } from '../../../london-time';
import { jobRoleLabel } from '../../../organisation-model';
import { notFound } from '../../access/guards';
import { findScenario, scenarioAnalysis } from '../../content';
import { effectiveDeadline, TIME_LIMIT_LABELS, TIME_LIMIT_SHORT, TIME_LIMITS, type ScenarioDefinition, type TimeLimit } from '../engine';
import type { ScenarioRun } from '../runs-store';
import { RUN_RESULT_LABELS, runResult } from './run-result';

export function scenarioOr404(slug: string): ScenarioDefinition {
	const def = findScenario(slug);
	if (!def) notFound();
	return def;
}

/** Run ids in addresses are positive whole numbers; anything else is simply not found. */
export function runIdOr404(param: string): number {
	const id = /^[1-9]\d{0,14}$/.test(param) ? Number(param) : NaN;
	if (!Number.isSafeInteger(id)) notFound();
	return id;
}

export const runPath = (slug: string, runId: number) => `/scenarios/${slug}/runs/${runId}`;
export const debriefPath = (slug: string, runId: number) => `${runPath(slug, runId)}/debrief`;

/** The public part of a scenario: never its transitions, scores or feedback. */
export function scenarioSummary(def: ScenarioDefinition, jobRole: string) {
	return {
		slug: def.slug,
		title: def.meta.title,
		summary: def.meta.summary,
		minutes: def.meta.minutes,
		playedAs: jobRoleLabel(def.meta.playedAs),
		assigned: (def.meta.audience as readonly string[]).includes(jobRole),
		version: def.meta.version,
		reviewed: def.meta.reviewed,
		sources: def.meta.sources,
		/** What changed in this major version, for those retraining on it (assignments/retraining.ts). */
		majorChange: def.meta.majorChange ?? null
	};
}

/** The pass criteria in plain words, one sentence each. */
export function passCriteria(def: ScenarioDefinition): string[] {
	const { outcomes, minScore, noCriticalFlags } = def.meta.pass;
	const endings = outcomes.map((outcome) => `“${def.vocabulary.outcomeLabel(outcome)}”`).join(' or ');
	const best = scenarioAnalysis(def.slug)?.bestScore;
	return [
		`The scenario ends in ${endings}.`,
		`You score at least ${minScore} points${best === null || best === undefined ? '' : ` (the best possible score is ${best})`}.`,
		...(noCriticalFlags ? ['None of your choices raises a critical risk, such as ignoring “I can’t breathe” or detaining someone without a lawful power.'] : [])
	];
}

/** One line of the learner's list of runs of one scenario. */
export function pastRun(def: ScenarioDefinition, run: ScenarioRun) {
	const result = runResult(run);
	return {
		id: run.id,
		href: result === 'in-progress' ? runPath(run.scenarioSlug, run.id) : debriefPath(run.scenarioSlug, run.id),
		started: formatLondonLongDateTime(run.startedAt),
		result,
		resultLabel: RUN_RESULT_LABELS[result].label,
		resultColour: RUN_RESULT_LABELS[result].colour,
		outcome: def.vocabulary.isOutcome(run.outcome) ? def.vocabulary.outcomeLabel(run.outcome) : null,
		score: run.score,
		decisions: run.step,
		timeLimit: TIME_LIMIT_SHORT[run.timeLimit]
	};
}

/**
 * The time-limit choices offered before a run, or null for a scenario with no timed decisions. `current`
 * is the active run's choice, so resuming offers it again.
 */
export function timeLimitChoices(def: ScenarioDefinition, current: TimeLimit = 'standard') {
	const limits = [...def.stateById.values()].map((state) => state.deadlineSeconds).filter((s): s is number => s !== null);
	if (limits.length === 0) return null;
	const shortest = Math.min(...limits);
	const longest = Math.max(...limits);
	const range = (factor: number) => (shortest === longest ? `${shortest * factor} seconds` : `${shortest * factor} to ${longest * factor} seconds`);
	const hints: Record<TimeLimit, string> = {
		standard: `${range(1)} a decision, as on a real call`,
		double: range(2),
		quadruple: range(4),
		off: 'Take as long as you need; nothing moves on while you think'
	};
	return {
		timedDecisions: limits.length,
		current,
		options: TIME_LIMITS.map((value) => ({ value, label: TIME_LIMIT_LABELS[value], hint: hints[value] }))
	};
}

/**
 * The current decision's time limit as the play page shows it: the seconds under the learner's choice,
 * the time left when served and the deadline as a clock time; `off` when the learner switched a limit off.
 */
export function decisionDeadline(deadlineSeconds: number | null, run: Pick<ScenarioRun, 'timeLimit' | 'shownAt'>, now = new Date()) {
	const seconds = effectiveDeadline(deadlineSeconds, run.timeLimit);
	if (seconds === null) return deadlineSeconds === null ? null : { off: true as const, standardSeconds: deadlineSeconds };
	const endsAt = run.shownAt.getTime() + seconds * 1000;
	return {
		off: false as const,
		seconds,
		standardSeconds: seconds === deadlineSeconds ? null : deadlineSeconds,
		remainingMs: Math.max(0, endsAt - now.getTime()),
		byText: `${formatLondonClockTime(endsAt)} London time`
	};
}
