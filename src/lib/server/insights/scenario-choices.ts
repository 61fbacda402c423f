/**
 * What /insights/scenarios/<id> shows, from the summed aggregates and the scenario's definition: for each decision
 * point the share choosing each option (all runs and first attempts), time-outs and the risk flags raised most;
 * pass rate by attempt number; the weight of each edge of the map. Every figure about people goes through the
 * disclosure rule (reporting/disclosure.ts). Pure: no database.
 */
import { publishCount, publishShare, type PublishedShare } from '../reporting/disclosure';
import type { ScenarioDefinition, ScenarioState } from '../scenarios/engine';
import { titleOf } from '../scenarios/presentation/diagram';
import type { ChoiceRow, RunRow } from './store';

export type OptionFigures = { event: string; label: string; all: PublishedShare; first: PublishedShare };
export type FlagFigures = { id: string; label: string; severity: string; count: number | null; share: PublishedShare };
export type DecisionPoint = {
	id: string;
	title: string;
	/** Decisions taken here, as published (null when withheld). */
	total: number | null;
	firstTotal: number | null;
	options: OptionFigures[];
	/** Decisions that came after the time limit; null for a decision without one. */
	timeOuts: PublishedShare | null;
	flags: FlagFigures[];
};
export type AttemptFigures = { attempt: number; label: string; finished: number | null; passed: PublishedShare };
export type EdgeWeight = { from: string; to: string; share: PublishedShare };
export type ScenarioChoices = { points: DecisionPoint[]; attempts: AttemptFigures[]; edges: EdgeWeight[]; decisions: number | null };

/** How many risk flags to list per decision point. */
const TOP_FLAGS = 3;
export const ATTEMPT_LABELS = ['First', 'Second', 'Third', 'Fourth', 'Fifth or later'];

const applied = (state: ScenarioState, row: ChoiceRow) => (row.late ? (state.hesitate ?? row.event) : row.event);

export function scenarioChoices(def: ScenarioDefinition, choices: readonly ChoiceRow[], runs: readonly RunRow[]): ScenarioChoices {
	const byState = new Map<string, ChoiceRow[]>();
	for (const row of choices) byState.set(row.fromState, [...(byState.get(row.fromState) ?? []), row]);
	const edges: EdgeWeight[] = [];
	const points = def.states
		.filter((s) => s.kind === 'decision')
		.map((state): DecisionPoint => {
			const rows = byState.get(state.id) ?? [];
			const sum = (keep: (r: ChoiceRow) => boolean) => rows.filter(keep).reduce((n, r) => n + r.n, 0);
			const total = sum(() => true);
			const firstTotal = sum((r) => r.firstAttempt === 1);
			const options = state.choices.map((c) => ({
				event: c.event,
				label: c.label,
				all: publishShare(
					sum((r) => r.event === c.event),
					total
				),
				first: publishShare(
					sum((r) => r.event === c.event && r.firstAttempt === 1),
					firstTotal
				)
			}));
			// Edges are drawn per target state: the share of decisions here that led there (the event applied).
			const targets = new Map<string, number>();
			const flags = new Map<string, number>();
			for (const row of rows) {
				const transition = state.transitions.find((t) => t.event === applied(state, row));
				if (!transition) continue;
				targets.set(transition.target, (targets.get(transition.target) ?? 0) + row.n);
				for (const flag of new Set(transition.flags)) flags.set(flag, (flags.get(flag) ?? 0) + row.n);
			}
			for (const t of new Set(state.transitions.map((t) => t.target))) edges.push({ from: state.id, to: t, share: publishShare(targets.get(t) ?? 0, total) });
			return {
				id: state.id,
				title: titleOf(state),
				total: publishCount(total),
				firstTotal: publishCount(firstTotal),
				options,
				timeOuts:
					state.deadlineSeconds === null
						? null
						: publishShare(
								sum((r) => r.late === 1),
								total
							),
				flags: [...flags]
					.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
					.slice(0, TOP_FLAGS)
					.map(([id, n]) => {
						const flag = def.vocabulary.riskFlag(id);
						return { id, label: flag?.label ?? id, severity: flag?.severity ?? '', count: publishCount(n), share: publishShare(n, total) };
					})
			};
		});
	const attempts = ATTEMPT_LABELS.map((label, i) => {
		const mine = runs.filter((r) => r.attempt === i + 1);
		const finished = mine.reduce((n, r) => n + r.n, 0);
		const passed = mine.filter((r) => r.passed === 1).reduce((n, r) => n + r.n, 0);
		return { attempt: i + 1, label, finished: publishCount(finished), passed: publishShare(passed, finished) };
	});
	return { points, attempts, edges, decisions: publishCount(choices.reduce((n, r) => n + r.n, 0)) };
}

/** A published share as a page or CSV shows it: a whole percentage, or null when withheld. */
export const percent = (share: PublishedShare) => (share.suppressed ? null : Math.round(share.share * 100));
