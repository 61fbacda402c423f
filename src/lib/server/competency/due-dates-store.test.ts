import { describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { testFramework, testFrameworkWithPlans } from '$testing/framework';
import { complianceSummary } from '../reporting/compliance';
import { syncDueDates } from './due-dates-store';
import { refreshPerson, statusesOn } from './ledger';

const plans = (days: number) => `plans:\n  police-recruit:\n    - { competency: recognise-distress, withinDays: ${days} }\n`;

describe('stored due dates', () => {
	it('are written by refreshPerson from the start date, and worked out again for everyone when the plans change', () => {
		const db = testDb();
		const unit = addUnit(db, addOrganisation(db, 'Police', 'police').id);
		const recruit = addPerson(db, unit, { jobRole: 'police-recruit', startDate: '2027-01-01' });
		const due = () =>
			db.$client.prepare("select due_on from competency_status where person_id = ? and competency_id = 'recognise-distress'").pluck().get(recruit.id);
		const first = testFrameworkWithPlans(plans(28));
		refreshPerson(db, first, recruit.id);
		expect(due()).toBe('2027-01-29');
		expect(syncDueDates(db, first).status).toBe('updated'); // first start: nothing recorded yet
		expect(syncDueDates(db, first)).toEqual({ status: 'current' });

		// On 30 January the recruit is overdue, in their record and on the dashboards.
		const scope = { kind: 'all' } as const;
		expect(statusesOn(db, first, recruit, '2027-01-30').find((c) => c.competency.id === 'recognise-distress')).toMatchObject({
			status: 'overdue',
			dueOn: '2027-01-29'
		});
		expect(complianceSummary(db, scope, '2027-01-30').byCompetency.get('recognise-distress')).toMatchObject({ overdue: 1, notAchieved: 0 });

		// A deploy gives the step more time: everyone's due date moves, and the counts with it.
		const later = testFrameworkWithPlans(plans(60));
		expect(syncDueDates(db, later)).toEqual({ status: 'updated', rows: 2 });
		expect(due()).toBe('2027-03-02');
		expect(complianceSummary(db, scope, '2027-01-30').byCompetency.get('recognise-distress')).toMatchObject({ overdue: 0, notAchieved: 1 });

		// No plan at all: no due dates.
		expect(syncDueDates(db, testFramework()).status).toBe('updated');
		expect(due()).toBeNull();
	});
});
