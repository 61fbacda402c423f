/**
 * Everything the debrief page shows about one finished run, built from what was stored when it was played
 * (choices, feedback, scores, result) and the scenario's final state. Pure: the route fetches the rows.
 */
import type { ScenarioAnalysis } from './analyse';
import { renderScenarioDiagram, titleOf } from './diagram';
import { getRiskFlag, type RiskFlag, type RiskSeverity } from './flags';
import { isOutcomeId, OUTCOME_LABELS } from './outcomes';
import { statePathOfRun, summariseRun } from './run';
import { isAbandoned, parseFlags, toStepRecord, type ScenarioRun, type ScenarioStep } from './runs';
import type { ScenarioDefinition } from './types';

export const SEVERITY_LABELS: Readonly<Record<RiskSeverity, { label: string; colour: 'red' | 'amber' | 'grey' }>> = {
	critical: { label: 'Critical', colour: 'red' },
	serious: { label: 'Serious', colour: 'amber' },
	minor: { label: 'Minor', colour: 'grey' }
};

export function buildDebrief(def: ScenarioDefinition, analysis: ScenarioAnalysis, run: ScenarioRun, steps: readonly ScenarioStep[]) {
	const records = steps.map(toStepRecord);
	const abandoned = isAbandoned(run);
	const lastTo = records.at(-1)?.to;
	const endState = lastTo === undefined ? undefined : def.stateById.get(lastTo);
	const final = !abandoned && endState?.kind === 'final' ? endState.final : null;
	const flags = parseFlags(run.flags)
		.map(getRiskFlag)
		.filter((flag): flag is RiskFlag => flag !== undefined)
		.map((flag) => ({ ...flag, severityLabel: SEVERITY_LABELS[flag.severity].label, colour: SEVERITY_LABELS[flag.severity].colour }));
	const passed = run.passed === true;
	const reasons = passed || abandoned ? [] : summariseRun(def, records).reasons;
	const titleOfState = (id: string) => {
		const state = def.stateById.get(id);
		return state ? titleOf(state) : id;
	};
	const learnerPath = statePathOfRun(def, records);
	// A closed run may hold states the scenario no longer has, so it gets no map.
	const diagram = abandoned
		? null
		: renderScenarioDiagram(def, { learnerPath, bestPath: analysis.bestPathStates, idPrefix: `run-${run.id}` });

	return {
		abandoned,
		version: run.scenarioVersion,
		updatedSince: run.scenarioVersion !== def.meta.version,
		outcome: final && isOutcomeId(final.outcome)
			? { label: OUTCOME_LABELS[final.outcome], title: final.title, narrative: final.narrative }
			: null,
		passed,
		reasons: !passed && !abandoned && reasons.length === 0 ? ['It did not meet the pass criteria.'] : [...reasons],
		score: run.score,
		bestScore: analysis.bestScore,
		decisions: steps.map((row) => {
			const from = def.stateById.get(row.fromState);
			const label = (event: string) => from?.choices.find((choice) => choice.event === event)?.label ?? event;
			return {
				number: row.step + 1,
				situation: titleOfState(row.fromState),
				chose: label(row.event),
				late: row.late,
				feedback: row.feedback,
				score: row.score
			};
		}),
		flags,
		debrief: final?.debrief ?? null,
		learnMore: (final?.learnMore ?? []).map((link) => ({ href: `/modules/${link.module}#${link.section}`, label: link.label })),
		diagram,
		learnerPathText: learnerPath.map(titleOfState),
		bestPathText: analysis.bestPathStates.map(titleOfState),
		followedBestPath: learnerPath.join('\u0000') === analysis.bestPathStates.join('\u0000')
	};
}

export type Debrief = ReturnType<typeof buildDebrief>;
