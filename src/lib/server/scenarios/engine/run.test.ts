import { describe, expect, it } from 'vitest';
import { loadFixture } from '$testing/scenario-fixtures';
import { applyChoice, currentView, isLate, RunSnapshotError, startRun, statePathOfRun, summariseRun, type StepRecord } from './run';
import type { ScenarioDefinition } from './types';

const def = await loadFixture('good-scenario');
const T0 = new Date('2026-11-27T10:00:00Z');
const seconds = (n: number) => new Date(T0.getTime() + n * 1000);

/** Stores and reloads the snapshot as the database would: as JSON text. */
function throughDatabase<T>(value: T): unknown {
	return JSON.parse(JSON.stringify(value));
}

/** Plays a run, restoring from JSON between every step, as separate requests to a restarted server would. */
function play(scenario: ScenarioDefinition, events: string[]): { snapshot: unknown; records: StepRecord[] } {
	let snapshot: unknown = throughDatabase(startRun(scenario).snapshot);
	const records: StepRecord[] = [];
	for (const [step, event] of events.entries()) {
		const result = applyChoice(scenario, snapshot, { event, step, expectedStep: step, shownAt: T0, now: seconds(5) });
		if (!result.ok) throw new Error(result.message);
		records.push(result.record);
		snapshot = throughDatabase(result.snapshot);
	}
	return { snapshot, records };
}

describe('startRun', () => {
	it('starts in the initial state at step 0 with a JSON-serialisable snapshot', () => {
		const start = startRun(def);
		expect(start.step).toBe(0);
		expect(start.snapshot).toMatchObject({ status: 'active', value: 'arrival' });
		expect(throughDatabase(start.snapshot)).toEqual(start.snapshot);
	});
});

describe('currentView', () => {
	it('shows the narrative and choices, never scores, flags or feedback', () => {
		const view = currentView(def, startRun(def).snapshot);
		expect(view).toEqual({
			stateId: 'arrival',
			finished: false,
			narrative: 'You arrive to find a man shouting at traffic on the high street.',
			choices: [
				{ event: 'TALK', label: 'Introduce yourself and ask his name' },
				{ event: 'GRAB', label: 'Take hold of his arms straight away' }
			],
			deadlineSeconds: null,
			final: null
		});
		expect(JSON.stringify(view)).not.toMatch(/score|feedback|flags|force-first/);
	});

	it('shows the deadline of a timed decision and the ending of a finished run', () => {
		expect(currentView(def, play(def, ['TALK']).snapshot).deadlineSeconds).toBe(30);
		const ended = currentView(def, play(def, ['TALK', 'CONSULT', 'AMBULANCE', 'HANDOVER']).snapshot);
		expect(ended).toMatchObject({ stateId: 'safe', finished: true, choices: [], final: { outcome: 'safe-resolution' } });
	});
});

describe('applyChoice', () => {
	it('moves on and records the feedback, score and flags of the choice', () => {
		const result = applyChoice(def, startRun(def).snapshot, {
			event: 'GRAB',
			step: 0,
			expectedStep: 0,
			shownAt: T0,
			now: seconds(3)
		});
		expect(result).toEqual({
			ok: true,
			snapshot: expect.objectContaining({ status: 'active', value: 'struggle' }),
			step: 1,
			record: {
				step: 0,
				from: 'arrival',
				event: 'GRAB',
				chosenEvent: 'GRAB',
				to: 'struggle',
				feedback: 'Going hands-on first escalated things.',
				score: -2,
				flags: ['force-first'],
				late: false
			}
		});
	});

	it('survives a restart: every step restores from a JSON round trip of the snapshot', () => {
		const { snapshot, records } = play(def, ['TALK', 'CONSULT', 'AMBULANCE', 'HANDOVER']);
		expect(records.map((record) => record.to)).toEqual(['talking', 'consulted', 'transport', 'safe']);
		expect(snapshot).toMatchObject({ status: 'done', value: 'safe' });
	});

	it('refuses an answer for an earlier step', () => {
		const { snapshot } = play(def, ['TALK']);
		const result = applyChoice(def, snapshot, { event: 'CONSULT', step: 0, expectedStep: 1, shownAt: T0, now: seconds(1) });
		expect(result).toEqual({ ok: false, reason: 'stale-step', message: expect.stringContaining('earlier point') });
	});

	it('refuses an event that is not one of the choices shown', () => {
		const start = startRun(def).snapshot;
		for (const event of ['CONSULT', 'NOPE', '__proto__', '']) {
			const result = applyChoice(def, start, { event, step: 0, expectedStep: 0, shownAt: T0, now: seconds(1) });
			expect(result).toEqual({ ok: false, reason: 'not-allowed', message: expect.stringContaining('not available') });
		}
	});

	it('refuses the hesitate event when the learner sends it themselves', () => {
		const { snapshot } = play(def, ['TALK']);
		const result = applyChoice(def, snapshot, { event: 'WAIT', step: 1, expectedStep: 1, shownAt: T0, now: seconds(1) });
		expect(result).toMatchObject({ ok: false, reason: 'not-allowed' });
	});

	it('refuses any choice once the scenario has ended', () => {
		const { snapshot } = play(def, ['GRAB', 'HOLD_PRONE']);
		const result = applyChoice(def, snapshot, { event: 'TALK', step: 2, expectedStep: 2, shownAt: T0, now: seconds(1) });
		expect(result).toEqual({ ok: false, reason: 'finished', message: expect.stringContaining('already ended') });
	});

	it('applies the hesitate event when the answer comes after the deadline', () => {
		const { snapshot } = play(def, ['TALK']);
		const result = applyChoice(def, snapshot, { event: 'CONSULT', step: 1, expectedStep: 1, shownAt: T0, now: seconds(31) });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.record).toMatchObject({
			from: 'talking',
			event: 'WAIT',
			chosenEvent: 'CONSULT',
			to: 'struggle',
			score: -1,
			late: true
		});
		expect(result.record.feedback).toBe(
			'Too late: you chose "Phone the mental health triage line" after 31 seconds, but this decision had to be made ' +
				'within 30 seconds, so the situation moved on before you acted. While you hesitated, Sam ran into the road.'
		);
		expect(result.snapshot).toMatchObject({ value: 'struggle' });
	});

	it('accepts an answer given exactly at the deadline, and ignores time where there is no deadline', () => {
		const { snapshot } = play(def, ['TALK']);
		const onTime = applyChoice(def, snapshot, { event: 'CONSULT', step: 1, expectedStep: 1, shownAt: T0, now: seconds(30) });
		expect(onTime).toMatchObject({ ok: true, record: { event: 'CONSULT', late: false } });
		const slow = applyChoice(def, startRun(def).snapshot, { event: 'TALK', step: 0, expectedStep: 0, shownAt: T0, now: seconds(3600) });
		expect(slow).toMatchObject({ ok: true, record: { event: 'TALK', late: false } });
	});

	it('judges lateness by the learner’s chosen time limit', () => {
		const { snapshot } = play(def, ['TALK']);
		const at = (now: number, timeLimit: 'standard' | 'double' | 'quadruple' | 'off') =>
			applyChoice(def, snapshot, { event: 'CONSULT', step: 1, expectedStep: 1, shownAt: T0, now: seconds(now), timeLimit });
		expect(at(31, 'standard')).toMatchObject({ ok: true, record: { event: 'WAIT', late: true } });
		expect(at(60, 'double')).toMatchObject({ ok: true, record: { event: 'CONSULT', late: false } });
		expect(at(61, 'double')).toMatchObject({ ok: true, record: { event: 'WAIT', late: true } });
		const late = at(121, 'quadruple');
		expect(late).toMatchObject({ ok: true, record: { late: true } });
		if (late.ok) expect(late.record.feedback).toContain('within 120 seconds');
		expect(at(120, 'quadruple')).toMatchObject({ ok: true, record: { late: false } });
		expect(at(86_400, 'off')).toMatchObject({ ok: true, record: { event: 'CONSULT', late: false } });
	});

	it('throws RunSnapshotError for a stored snapshot that does not fit the scenario', () => {
		const input = { event: 'TALK', step: 0, expectedStep: 0, shownAt: T0, now: seconds(1) };
		expect(() => applyChoice(def, null, input)).toThrow(RunSnapshotError);
		expect(() => applyChoice(def, { status: 'active', value: 'gone' }, input)).toThrow(/no longer has/);
		expect(() => currentView(def, { status: 'active', value: 'safe' })).toThrow(/status does not match/);
		expect(() => currentView(def, { status: 'active', value: { nested: 'x' } })).toThrow(RunSnapshotError);
	});
});

describe('isLate', () => {
	it('is late only strictly after the deadline, and needs valid dates', () => {
		expect(isLate(null, T0, seconds(999))).toBe(false);
		expect(isLate(10, T0, seconds(10))).toBe(false);
		expect(isLate(10, T0, seconds(10.001))).toBe(true);
		expect(isLate(10, seconds(5), T0)).toBe(false);
		expect(() => isLate(10, new Date('nonsense'), T0)).toThrow(TypeError);
	});
});

describe('summariseRun', () => {
	it('passes the best path', () => {
		const { records } = play(def, ['TALK', 'CONSULT', 'AMBULANCE', 'HANDOVER']);
		expect(summariseRun(def, records)).toEqual({
			score: 8,
			flags: [],
			outcome: 'safe-resolution',
			finalStateId: 'safe',
			lateDecisions: 0,
			passed: true,
			reasons: []
		});
	});

	it('explains a failed run, with each flag once and the most severe first', () => {
		const { records } = play(def, ['GRAB', 'HOLD_PRONE']);
		const summary = summariseRun(def, records);
		expect(summary).toMatchObject({ score: -5, outcome: 'risk-of-death', finalStateId: 'harm', passed: false });
		expect(summary.flags.map((flag) => [flag.id, flag.severity])).toEqual([
			['prone-too-long', 'critical'],
			['force-first', 'serious']
		]);
		expect(summary.reasons).toEqual([
			'It ended in "Risk of death"; a pass needs "Safe resolution".',
			'It scored -5; a pass needs at least 6.',
			'A critical risk was raised: The person was kept face down for longer than necessary.'
		]);
	});

	it('does not pass an unfinished run, and counts late decisions', () => {
		const summary = summariseRun(def, [{ to: 'struggle', score: -1, flags: [], late: true }]);
		expect(summary).toMatchObject({ outcome: null, finalStateId: null, lateDecisions: 1, passed: false });
		expect(summary.reasons).toContain('The scenario has not reached an end yet.');
		expect(summariseRun(def, [])).toMatchObject({ score: 0, passed: false });
	});
});

describe('statePathOfRun', () => {
	it('lists the states a run passed through, for the diagram', () => {
		const { records } = play(def, ['TALK', 'DETAIN_NOW', 'STATION']);
		expect(statePathOfRun(def, records)).toEqual(['arrival', 'talking', 'detained', 'harm']);
		expect(statePathOfRun(def, [])).toEqual(['arrival']);
	});
});
