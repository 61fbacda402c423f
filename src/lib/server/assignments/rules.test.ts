import { describe, expect, it } from 'vitest';
import { testFramework } from '$testing/framework';
import { londonToday } from '../competency/dates';
import {
	assigneeState,
	assignmentDay,
	competenciesOf,
	dueDateProblem,
	firstMeeting,
	majorOf,
	meetsAssignment,
	mergeDueDates,
	progressText,
	REACHED_LATE_DAYS,
	retrainingDueOn,
	returnerDueOn,
	type LedgerEvidence,
	type OpenAssignment
} from './rules';

const framework = testFramework();
const moduleAssignment: OpenAssignment = { kind: 'module', ref: 'recognising-distress', assignedOn: '2026-05-03', minVersion: null };

describe('what an assignment counts towards', () => {
	it('is the competency itself, or what the module or scenario supports; nothing for an unknown id', () => {
		expect(competenciesOf(framework, { kind: 'competency', ref: 'recognise-distress' })).toEqual(['recognise-distress']);
		expect(competenciesOf(framework, { kind: 'module', ref: 'recognising-distress' })).toContain('recognise-distress');
		expect(competenciesOf(framework, { kind: 'scenario', ref: 'street-section-136' })).toContain('mha-powers');
		expect(competenciesOf(framework, { kind: 'competency', ref: 'no-such-thing' })).toEqual([]);
	});
});

describe('evidence meeting an assignment', () => {
	const evidence = (over: object = {}) => ({
		source: { module: 'recognising-distress' },
		competencyIds: ['recognise-distress'],
		occurredOn: '2026-05-03',
		version: '1.0.0',
		...over
	});

	it('is met by a completion of that module dated on or after the day it was made, not before', () => {
		expect(meetsAssignment(moduleAssignment, evidence())).toBe(true);
		expect(meetsAssignment(moduleAssignment, evidence({ occurredOn: '2026-06-01' }))).toBe(true);
		expect(meetsAssignment(moduleAssignment, evidence({ occurredOn: '2026-05-02' }))).toBe(false);
	});

	it('is not met by another module, or by a scenario for the same competency', () => {
		expect(meetsAssignment(moduleAssignment, evidence({ source: { module: 'de-escalation' } }))).toBe(false);
		expect(meetsAssignment(moduleAssignment, evidence({ source: { scenario: 'custody-desk-vulnerable-detainee' } }))).toBe(false);
	});

	it('a scenario assignment needs a pass of that scenario; a competency one any evidence for it, observed included', () => {
		const scenario: OpenAssignment = { ...moduleAssignment, kind: 'scenario', ref: 'street-section-136' };
		expect(meetsAssignment(scenario, evidence({ source: { scenario: 'street-section-136' }, competencyIds: ['mha-powers'] }))).toBe(true);
		expect(meetsAssignment(scenario, evidence({ source: { scenario: 'suspected-abd' } }))).toBe(false);
		const competency: OpenAssignment = { ...moduleAssignment, kind: 'competency', ref: 'safe-restraint' };
		expect(meetsAssignment(competency, evidence({ source: { observed: '7', competencyId: 'safe-restraint' }, competencyIds: ['safe-restraint'] }))).toBe(true);
		expect(meetsAssignment(competency, evidence())).toBe(false);
	});

	it('a retraining needs evidence on the changed major version or later', () => {
		const retrain = { ...moduleAssignment, minVersion: 2 };
		expect(meetsAssignment(retrain, evidence({ version: '1.4.0' }))).toBe(false);
		expect(meetsAssignment(retrain, evidence({ version: '2.0.0' }))).toBe(true);
		expect(meetsAssignment(retrain, evidence({ version: '10.0.1' }))).toBe(true);
		expect(meetsAssignment(retrain, evidence({ version: null }))).toBe(false);
		expect(majorOf('3.1.0')).toBe(3);
		expect(majorOf('draft')).toBeNull();
	});
});

describe('the day an assignment counts from, by London date', () => {
	// Evidence recorded at an instant is dated with that instant's London day (modules/progress.ts, runs-store.ts).
	const meetsWhen = (assignedAt: string, evidenceAt: string) =>
		meetsAssignment(
			{ ...moduleAssignment, assignedOn: assignmentDay(new Date(assignedAt)) },
			{ source: { module: 'recognising-distress' }, competencyIds: ['recognise-distress'], occurredOn: londonToday(new Date(evidenceAt)), version: '1.0.0' }
		);

	it('is the London calendar day: in summer (BST) 23:30 UTC is already the next day', () => {
		expect(assignmentDay(new Date('2026-07-01T22:59:59Z'))).toBe('2026-07-01');
		expect(assignmentDay(new Date('2026-07-01T23:00:00Z'))).toBe('2026-07-02');
		expect(assignmentDay(new Date('2026-01-15T23:59:59Z'))).toBe('2026-01-15');
		expect(assignmentDay(new Date('2026-01-16T00:00:00Z'))).toBe('2026-01-16');
	});

	it('evidence from earlier the same London day meets it, in BST and in GMT', () => {
		// BST: done at 00:30 London (23:30 UTC the day before), assigned at 16:00 London.
		expect(meetsWhen('2026-07-02T15:00:00Z', '2026-07-01T23:30:00Z')).toBe(true);
		// GMT: done at 00:00 London, assigned at 23:59 London.
		expect(meetsWhen('2026-01-15T23:59:00Z', '2026-01-15T00:00:00Z')).toBe(true);
	});

	it('evidence from just before London midnight does not, whatever the UTC date says', () => {
		// BST: done at 23:59 London on 1 July (22:59 UTC); assigned at 00:30 London on 2 July (23:30 UTC on 1 July).
		expect(meetsWhen('2026-07-01T23:30:00Z', '2026-07-01T22:59:00Z')).toBe(false);
		// GMT: done at 23:59 on 15 January, assigned at 00:01 on the 16th.
		expect(meetsWhen('2026-01-16T00:01:00Z', '2026-01-15T23:59:00Z')).toBe(false);
	});

	it('holds across the clock changes (29 March and 25 October 2026)', () => {
		// Spring forward: 00:30 GMT and 02:30 BST are the same London day.
		expect(assignmentDay(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
		expect(meetsWhen('2026-03-29T01:30:00Z', '2026-03-29T00:30:00Z')).toBe(true);
		expect(meetsWhen('2026-03-29T00:30:00Z', '2026-03-28T23:59:00Z')).toBe(false);
		// Fall back: 23:30 UTC on the 24th is 00:30 BST on the 25th; 23:30 UTC on the 25th is 23:30 GMT, still the 25th.
		expect(assignmentDay(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
		expect(assignmentDay(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
		expect(meetsWhen('2026-10-25T23:30:00Z', '2026-10-24T23:30:00Z')).toBe(true);
		expect(meetsWhen('2026-10-26T00:00:00Z', '2026-10-25T23:59:00Z')).toBe(false);
	});
});

describe('evidence already on record when an assignment is made', () => {
	const row = (over: Partial<LedgerEvidence> = {}): LedgerEvidence => ({
		id: 1,
		kind: 'module',
		ref: 'recognising-distress',
		competencyId: 'recognise-distress',
		version: '1.0.0',
		occurredOn: '2026-05-03',
		...over
	});

	it('meets it when dated on or after its day; the earliest such evidence is the one', () => {
		expect(firstMeeting(moduleAssignment, [row({ occurredOn: '2026-05-02' })])).toBeNull();
		expect(firstMeeting(moduleAssignment, [row({ id: 9, occurredOn: '2026-05-04' }), row({ id: 5 }), row({ id: 7 })])).toMatchObject({ id: 5 });
		expect(firstMeeting(moduleAssignment, [])).toBeNull();
	});

	it('reads each kind of ledger row by the same rule as new evidence', () => {
		expect(firstMeeting(moduleAssignment, [row({ kind: 'scenario', ref: 'custody-desk-vulnerable-detainee' })])).toBeNull();
		const competency: OpenAssignment = { ...moduleAssignment, kind: 'competency', ref: 'safe-restraint' };
		expect(firstMeeting(competency, [row({ kind: 'observed', ref: '12', competencyId: 'safe-restraint' })])).toMatchObject({ ref: '12' });
		expect(firstMeeting(competency, [row({ kind: 'prior-learning', ref: '3', competencyId: 'safe-restraint' })])).toMatchObject({ ref: '3' });
		expect(firstMeeting(competency, [row()])).toBeNull();
		expect(firstMeeting({ ...moduleAssignment, minVersion: 2 }, [row({ version: '1.9.0' })])).toBeNull();
	});
});

describe('due dates', () => {
	it('takes the earlier of the induction plan and each open assignment, per competency', () => {
		const induction = new Map([
			['a', '2026-06-01'],
			['b', '2026-06-01']
		]);
		const merged = mergeDueDates(induction, [
			{ competencyId: 'a', dueOn: '2026-05-20' },
			{ competencyId: 'b', dueOn: '2026-07-01' },
			{ competencyId: 'c', dueOn: '2026-08-01' }
		]);
		expect(Object.fromEntries(merged)).toEqual({ a: '2026-05-20', b: '2026-06-01', c: '2026-08-01' });
		expect(induction.get('a')).toBe('2026-06-01');
	});

	it('is overdue from the day after the due date; done and cancelled win', () => {
		expect(assigneeState({ dueOn: '2026-05-10', metOn: null, cancelled: false }, '2026-05-10')).toBe('open');
		expect(assigneeState({ dueOn: '2026-05-10', metOn: null, cancelled: false }, '2026-05-11')).toBe('overdue');
		expect(assigneeState({ dueOn: '2026-05-10', metOn: '2026-05-12', cancelled: true }, '2026-05-20')).toBe('done');
		expect(assigneeState({ dueOn: '2026-05-10', metOn: null, cancelled: true }, '2026-05-20')).toBe('cancelled');
		// A leaver no longer owes it, whether overdue, cancelled or not; what they did before leaving is still done.
		expect(assigneeState({ dueOn: '2026-05-10', metOn: null, cancelled: false, left: true }, '2026-05-20')).toBe('left');
		expect(assigneeState({ dueOn: '2026-05-10', metOn: null, cancelled: true, left: true }, '2026-05-20')).toBe('left');
		expect(assigneeState({ dueOn: '2026-05-10', metOn: '2026-05-09', cancelled: false, left: true }, '2026-05-20')).toBe('done');
		expect(assigneeState({ dueOn: '2026-05-10', metOn: null, cancelled: false, left: false }, '2026-05-20')).toBe('overdue');
	});

	it('gives someone reached late by a retraining a fair window: the later of retrain-by and 28 days after the day reached', () => {
		expect(REACHED_LATE_DAYS).toBe(28);
		// Reached in good time: the retrain-by date.
		expect(retrainingDueOn('2027-03-31', '2027-01-10')).toBe('2027-03-31');
		// Exactly 28 days before: still the retrain-by date; a day later, a day more.
		expect(retrainingDueOn('2027-03-31', '2027-03-03')).toBe('2027-03-31');
		expect(retrainingDueOn('2027-03-31', '2027-03-04')).toBe('2027-04-01');
		// Reached on the day, or after it (a joiner, or the first run after the date): 28 days from then, never overdue at once.
		expect(retrainingDueOn('2027-03-31', '2027-03-31')).toBe('2027-04-28');
		expect(retrainingDueOn('2027-03-31', '2027-06-15')).toBe('2027-07-13');
		// Across a month end and a leap day.
		expect(retrainingDueOn('2028-01-01', '2028-02-10')).toBe('2028-03-09');
		expect(assigneeState({ dueOn: retrainingDueOn('2027-03-31', '2027-06-15'), metOn: null, cancelled: false }, '2027-06-15')).toBe('open');
	});

	it('gives someone back after leaving 28 days from their return for what they still owe, or their own later date', () => {
		expect(returnerDueOn('2026-05-31', '2027-02-01')).toBe('2027-03-01');
		expect(returnerDueOn('2027-03-01', '2027-02-01')).toBe('2027-03-01');
		expect(returnerDueOn('2027-03-02', '2027-02-01')).toBe('2027-03-02');
	});

	it('a manager may set today up to two years ahead', () => {
		expect(dueDateProblem('2026-05-09', '2026-05-10')).toMatch(/today or later/);
		expect(dueDateProblem('2026-05-10', '2026-05-10')).toBeNull();
		expect(dueDateProblem('2028-05-09', '2026-05-10')).toBeNull();
		expect(dueDateProblem('2028-05-11', '2026-05-10')).toMatch(/within 2 years/);
	});

	it('describes progress in words', () => {
		expect(progressText({ total: 40, done: 12, overdue: 3, leavers: 0 })).toBe('12 of 40 done, 3 overdue');
		expect(progressText({ total: 1, done: 1, overdue: 0, leavers: 0 })).toBe('1 of 1 done');
		expect(progressText({ total: 39, done: 12, overdue: 0, leavers: 2 })).toBe('12 of 39 done (2 more left before doing it)');
	});
});
