/**
 * Everything the debrief page shows about one finished run, built from what was stored when it was played
 * (its decisions as step records, its result) and the scenario's final state. Pure: the route reads the
 * run and its records from the runs store; a test can build them with the engine alone.
 */
import { statePathOfRun, summariseRun, type RiskSeverity, type ScenarioAnalysis, type ScenarioDefinition, type StepRecord } from '../engine';
import type { ScenarioRun } from '../runs-store';
import { renderScenarioDiagram, titleOf } from './diagram';
import { isAbandoned } from './run-result';

/** What the debrief reads of a stored run. */
export type DebriefRun = Pick<ScenarioRun, 'id' | 'scenarioVersion' | 'status' | 'outcome' | 'passed' | 'score'>;

export const SEVERITY_LABELS: Readonly<Record<RiskSeverity, { label: string; colour: 'red' | 'amber' | 'grey' }>> = {
	critical: { label: 'Critical', colour: 'red' },
	serious: { label: 'Serious', colour: 'amber' },
	minor: { label: 'Minor', colour: 'grey' }
};

export function buildDebrief(def: ScenarioDefinition, analysis: ScenarioAnalysis, run: DebriefRun, records: readonly StepRecord[]) {
	const abandoned = isAbandoned(run);
	const lastTo = records.at(-1)?.to;
	const endState = lastTo === undefined ? undefined : def.stateById.get(lastTo);
	const final = !abandoned && endState?.kind === 'final' ? endState.final : null;
	// The flags the run's decisions raised, as stored with each step: each once, most severe first, exactly
	// as the result recorded them when the run finished. A closed run has no result, so no flags.
	const summary = summariseRun(def, records);
	const flags = (abandoned ? [] : summary.flags).map((flag) => ({
		...flag,
		severityLabel: SEVERITY_LABELS[flag.severity].label,
		colour: SEVERITY_LABELS[flag.severity].colour
	}));
	const passed = run.passed === true;
	const reasons = passed || abandoned ? [] : summary.reasons;
	const titleOfState = (id: string) => {
		const state = def.stateById.get(id);
		return state ? titleOf(state) : id;
	};
	const learnerPath = statePathOfRun(def, records);
	// A closed run may hold states the scenario no longer has, so it gets no map.
	const diagram = abandoned ? null : renderScenarioDiagram(def, { learnerPath, bestPath: analysis.bestPathStates, idPrefix: `run-${run.id}` });

	return {
		abandoned,
		version: run.scenarioVersion,
		updatedSince: run.scenarioVersion !== def.meta.version,
		outcome:
			final && def.vocabulary.isOutcome(final.outcome)
				? { label: def.vocabulary.outcomeLabel(final.outcome), title: final.title, narrative: final.narrative }
				: null,
		passed,
		reasons: !passed && !abandoned && reasons.length === 0 ? ['It did not meet the pass criteria.'] : [...reasons],
		score: run.score,
		bestScore: analysis.bestScore,
		decisions: records.map((record) => {
			const from = def.stateById.get(record.from);
			const label = (event: string) => from?.choices.find((choice) => choice.event === event)?.label ?? event;
			return {
				number: record.step + 1,
				situation: titleOfState(record.from),
				chose: label(record.chosenEvent),
				late: record.late,
				feedback: record.feedback,
				score: record.score
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
