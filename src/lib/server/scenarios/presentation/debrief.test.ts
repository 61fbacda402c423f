/** The debrief is pure: runs are played with the engine alone, as the runs store would record them. No database. */
import { describe, expect, it } from 'vitest';
import { loadScenarioFromDisk } from '../../content/disk';
import { analyse, applyChoice, startRun, summariseRun, type StepRecord } from '../engine';
import { buildDebrief, type DebriefRun } from './debrief';

const SLUG = 'prone-restraint-cant-breathe';
const def = await loadScenarioFromDisk(SLUG);
const analysis = analyse(def);
const t = (seconds: number) => new Date(Date.UTC(2026, 10, 27, 23, 42, seconds));

/** Plays choices at the given moments, each decision shown when the one before was made (as the store does). */
function play(choices: readonly [event: string, at: number][]): StepRecord[] {
	let snapshot: unknown = startRun(def).snapshot;
	let shownAt = t(0);
	const records: StepRecord[] = [];
	for (const [step, [event, at]] of choices.entries()) {
		const result = applyChoice(def, snapshot, { event, step, expectedStep: step, shownAt, now: t(at) });
		if (!result.ok) throw new Error(result.message);
		records.push(result.record);
		snapshot = result.snapshot;
		shownAt = t(at);
	}
	return records;
}

/** The stored result of a finished run, as takeStep writes it. */
function finishedRun(records: readonly StepRecord[]): DebriefRun {
	const summary = summariseRun(def, records);
	return { id: 7, scenarioVersion: def.meta.version, status: 'finished', outcome: summary.outcome, passed: summary.passed, score: summary.score };
}

describe('buildDebrief', () => {
	it('describes a failing run: ending, reasons, flags by severity, decisions and both paths', () => {
		const records = play([
			['KEEP_PRONE', 50],
			['CALMED', 51]
		]);
		const debrief = buildDebrief(def, analysis, finishedRun(records), records);
		expect(debrief).toMatchObject({
			abandoned: false,
			passed: false,
			// late, so the hesitate event (-2) was applied, then CALMED (-3)
			score: -5,
			bestScore: analysis.bestScore,
			outcome: { label: 'Risk of death', title: 'Liam stops breathing' },
			followedBestPath: false
		});
		expect(debrief.reasons.join(' ')).toMatch(/Risk of death.*Safe resolution/);
		expect(debrief.flags[0]).toMatchObject({ severity: 'critical', severityLabel: 'Critical', colour: 'red' });
		expect(debrief.flags.at(-1)).toMatchObject({ id: 'no-monitoring', severityLabel: 'Serious', colour: 'amber' });
		expect(new Set(debrief.flags.map((flag) => flag.id)).size).toBe(debrief.flags.length);
		// the first answer came after 50 of 45 seconds
		expect(debrief.decisions[0]).toMatchObject({ number: 1, late: true, chose: expect.stringMatching(/^Agree with PC Reilly/) });
		expect(debrief.decisions[1]).toMatchObject({ number: 2, late: false });
		expect(debrief.learnMore[0]?.href).toBe('/modules/restraint-safety#how-positional-asphyxia-happens');
		expect(debrief.diagram).toMatch(/^<svg /);
		expect(debrief.diagram).toContain('id="run-7-title"');
		expect(debrief.learnerPathText).toHaveLength(3);
		expect(debrief.bestPathText).toHaveLength(analysis.bestPathStates.length);
	});

	it('describes a pass on the best path: no reasons, the best path followed', () => {
		const records = play(analysis.bestPath.map((event, i) => [event, i + 1] as [string, number]));
		const run = finishedRun(records);
		expect(run.passed).toBe(true);
		const debrief = buildDebrief(def, analysis, run, records);
		expect(debrief).toMatchObject({ passed: true, reasons: [], score: analysis.bestScore, followedBestPath: true, updatedSince: false });
		expect(debrief.outcome?.label).toBe('Safe resolution');
	});

	it('says a closed run has no result, no flags and no map', () => {
		const records = play([['KEEP_PRONE', 5]]);
		expect(records[0]?.flags.length).toBeGreaterThan(0);
		const closed: DebriefRun = { id: 8, scenarioVersion: '0.1.0', status: 'finished', outcome: null, passed: null, score: null };
		const debrief = buildDebrief(def, analysis, closed, records);
		expect(debrief).toMatchObject({ abandoned: true, updatedSince: true, outcome: null, passed: false, reasons: [], flags: [], diagram: null });
	});
});
