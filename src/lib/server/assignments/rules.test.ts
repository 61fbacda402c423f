import { describe, expect, it } from 'vitest';
import { testFramework } from '$testing/framework';
import { assigneeState, competenciesOf, dueDateProblem, majorOf, meetsAssignment, mergeDueDates, progressText, type OpenAssignment } from './rules';

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
	});

	it('a manager may set today up to two years ahead', () => {
		expect(dueDateProblem('2026-05-09', '2026-05-10')).toMatch(/today or later/);
		expect(dueDateProblem('2026-05-10', '2026-05-10')).toBeNull();
		expect(dueDateProblem('2028-05-09', '2026-05-10')).toBeNull();
		expect(dueDateProblem('2028-05-11', '2026-05-10')).toMatch(/within 2 years/);
	});

	it('describes progress in words', () => {
		expect(progressText({ total: 40, done: 12, overdue: 3 })).toBe('12 of 40 done, 3 overdue');
		expect(progressText({ total: 1, done: 1, overdue: 0 })).toBe('1 of 1 done');
	});
});
