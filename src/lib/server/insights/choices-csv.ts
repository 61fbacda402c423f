/** The scenario choices as CSV: one row per option of each decision point, and its time-outs, as published. */
import { WITHHELD_CSV, type PublishedShare } from '../reporting/disclosure';
import { percent, type ScenarioChoices } from './scenario-choices';

export const CHOICES_CSV_HEADER = [
	'Decision point',
	'State id',
	'Option',
	'Event',
	'Chosen (all runs)',
	'% of all runs',
	'Chosen (first attempts)',
	'% of first attempts'
];

const cells = (share: PublishedShare) => (share.suppressed ? [WITHHELD_CSV, WITHHELD_CSV] : [share.count, percent(share)]);

export function choicesCsvRows(view: ScenarioChoices): unknown[][] {
	return view.points.flatMap((p) => [
		...p.options.map((o) => [p.title, p.id, o.label, o.event, ...cells(o.all), ...cells(o.first)]),
		...(p.timeOuts ? [[p.title, p.id, 'No decision in time (time-out)', '', ...cells(p.timeOuts), '', '']] : [])
	]);
}
