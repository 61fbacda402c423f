/** What the scenario routes share: finding things or answering 404, and the public parts of a scenario and its runs. */
import { jobRoleLabel } from '../../../organisation-model';
import { notFound } from '../../access/guards';
import { findScenario, scenarioAnalysis } from '../../content';
import type { ScenarioDefinition } from '../engine';
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
		sources: def.meta.sources
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

const londonTime = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	timeZone: 'Europe/London'
});

/** Dates are written on the server in London time, so the page reads the same wherever it is opened. */
export function formatWhen(date: Date): string {
	return londonTime.format(date);
}

/** One line of the learner's list of runs of one scenario. */
export function pastRun(def: ScenarioDefinition, run: ScenarioRun) {
	const result = runResult(run);
	return {
		id: run.id,
		href: result === 'in-progress' ? runPath(run.scenarioSlug, run.id) : debriefPath(run.scenarioSlug, run.id),
		started: formatWhen(run.startedAt),
		result,
		resultLabel: RUN_RESULT_LABELS[result].label,
		resultColour: RUN_RESULT_LABELS[result].colour,
		outcome: def.vocabulary.isOutcome(run.outcome) ? def.vocabulary.outcomeLabel(run.outcome) : null,
		score: run.score,
		decisions: run.step
	};
}
