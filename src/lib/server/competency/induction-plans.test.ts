import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { testFramework } from '$testing/framework';
import { dueBy, dueDatesFor, parseInductionPlans, planOrder } from './induction-plans';
import { nextStep } from './learner';
import { isOverdue, overdueSince, statusFor } from './status-rule';

const framework = testFramework();
const parse = (yaml: string) => parseInductionPlans('plans.yaml', yaml, framework);

describe('induction plans', () => {
	it('reads the shipped plans, each step a competency the role needs, due dates in the order given', () => {
		const plans = parse(readFileSync('content/induction-plans.yaml', 'utf8'));
		const recruit = plans.byRole.get('police-recruit')!;
		expect(recruit[0]).toEqual({ competencyId: 'recognise-distress', withinDays: 28 });
		for (const [role, steps] of plans.byRole)
			steps.forEach((s, i) => {
				expect(role in framework.byId.get(s.competencyId)!.months).toBe(true);
				if (i > 0) expect(s.withinDays).toBeGreaterThanOrEqual(steps[i - 1].withinDays);
			});
	});

	it('refuses unknown roles and competencies, competencies the role does not need, repeats and steps out of order, naming each', () => {
		expect(() => parse('plans:\n  astronaut:\n    - { competency: recognise-distress, withinDays: 10 }\n')).toThrow(
			/field "plans" Unrecognized key.*astronaut/
		);
		expect(() => parse('plans:\n  police-recruit:\n    - { competency: flying, withinDays: 10 }\n')).toThrow(/"flying", which the framework does not define/);
		expect(() => parse('plans:\n  call-handler:\n    - { competency: safe-restraint, withinDays: 10 }\n')).toThrow(/which call-handler does not need/);
		expect(() =>
			parse('plans:\n  police-recruit:\n    - { competency: de-escalation, withinDays: 10 }\n    - { competency: de-escalation, withinDays: 20 }\n')
		).toThrow(/a second time/);
		expect(() =>
			parse('plans:\n  police-recruit:\n    - { competency: de-escalation, withinDays: 30 }\n    - { competency: mha-powers, withinDays: 20 }\n')
		).toThrow(/step 2 is due within 20 days, before the step above it/);
		expect(() => parse('plans:\n  police-recruit:\n    - { competency: de-escalation, withinDays: 0 }\n')).toThrow(/withinDays/);
		expect(() => parse('plans: [')).toThrow(/not valid YAML/);
	});

	it('gives each step a due date from the start date, and the fingerprint changes with the plans', () => {
		const a = parse('plans:\n  police-recruit:\n    - { competency: de-escalation, withinDays: 28 }\n    - { competency: mha-powers, withinDays: 84 }\n');
		const b = parse('plans:\n  police-recruit:\n    - { competency: de-escalation, withinDays: 28 }\n    - { competency: mha-powers, withinDays: 85 }\n');
		expect(a.fingerprint).not.toBe(b.fingerprint);
		expect(dueDatesFor(a, 'police-recruit', '2027-01-31')).toEqual(
			new Map([
				['de-escalation', '2027-02-28'],
				['mha-powers', '2027-04-25']
			])
		);
		expect(dueDatesFor(a, 'paramedic', '2027-01-31').size).toBe(0);
		expect(dueBy('2028-02-01', 28)).toBe('2028-02-29'); // a leap year
		expect(planOrder(a, 'police-recruit')).toEqual(
			new Map([
				['de-escalation', 0],
				['mha-powers', 1]
			])
		);
	});
});

describe('the overdue rule', () => {
	it('is overdue from the day after the due date, and only while never achieved', () => {
		expect(isOverdue('2027-03-12', '2027-03-12')).toBe(false);
		expect(isOverdue('2027-03-12', '2027-03-13')).toBe(true);
		expect(isOverdue(null, '2030-01-01')).toBe(false);
		expect(overdueSince('2027-03-12')).toBe('2027-03-13');
		expect(statusFor(null, '2027-03-13', '2027-03-12')).toBe('overdue');
		expect(statusFor(null, '2027-03-12', '2027-03-12')).toBe('not-achieved');
		expect(statusFor(null, '2027-03-13', null)).toBe('not-achieved');
		// Once achieved, the expiry decides: an expired competency is expired, not overdue.
		expect(statusFor('2027-03-01', '2027-03-13', '2027-01-01')).toBe('expired');
		expect(statusFor('2028-03-01', '2027-03-13', '2027-01-01')).toBe('current');
	});
});

describe('do this next', () => {
	const item = (label: string) => ({ label, href: `/modules/${label}` });
	const c = (id: string, status: string, over: Partial<{ expiresOn: string; dueOn: string }> = {}) => ({
		id,
		title: id,
		status,
		dueOn: over.dueOn ?? null,
		expiresOn: over.expiresOn ?? null,
		outstanding: [item(id)]
	});
	it('is the first unachieved step of the plan in its order, then the first expired, then the soonest due', () => {
		const order = new Map([
			['b', 0],
			['a', 1]
		]);
		expect(nextStep([c('a', 'overdue'), c('b', 'not-achieved'), c('x', 'expired', { expiresOn: '2026-01-01' })], order)!.competency.id).toBe('b');
		expect(
			nextStep([c('a', 'current'), c('b', 'current'), c('x', 'expired', { expiresOn: '2026-02-01' }), c('y', 'expired', { expiresOn: '2026-01-01' })], order)!
				.competency.id
		).toBe('y');
		expect(nextStep([c('z', 'due-soon', { expiresOn: '2026-02-01' }), c('n', 'not-achieved')], new Map())!.competency.id).toBe('z');
		expect(nextStep([c('a', 'current'), c('n', 'not-achieved')], order)).toBeNull();
	});
});
