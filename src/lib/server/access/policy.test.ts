import { describe, expect, it } from 'vitest';
import { canAssess, canManageOrganisation, canSeePerson, insightsScope, mayReadSurveyComments, mayViewInsights, peopleScope, type Principal } from './policy';

const ref = (id: number, organisationId: number, unitId: number) => ({ id, organisationId, unitId });
const principal = (id: number, organisationId: number, unitId: number, grants: Principal['grants'] = []): Principal => ({
	id,
	name: 'x',
	email: 'x@example.test',
	organisationId,
	unitId,
	jobRole: 'police-constable',
	grants
});

describe('access policy', () => {
	const me = ref(1, 10, 100);
	const sameUnit = ref(2, 10, 100);
	const otherUnit = ref(3, 10, 101);
	const otherOrg = ref(4, 20, 200);

	it('lets a learner see only their own record', () => {
		const learner = principal(1, 10, 100);
		expect(canSeePerson(learner, me)).toBe(true);
		expect(canSeePerson(learner, sameUnit)).toBe(false);
		expect(peopleScope(learner)).toEqual({ kind: 'self', personId: 1 });
	});

	it('lets a unit manager see their unit and nothing beyond it', () => {
		const manager = principal(5, 10, 100, [{ role: 'manager', unitId: 100, organisationId: null }]);
		expect(canSeePerson(manager, sameUnit)).toBe(true);
		expect(canSeePerson(manager, otherUnit)).toBe(false);
		expect(canSeePerson(manager, otherOrg)).toBe(false);
	});

	it('lets an organisation manager see their organisation only', () => {
		const manager = principal(5, 10, 100, [{ role: 'manager', unitId: null, organisationId: 10 }]);
		expect(canSeePerson(manager, otherUnit)).toBe(true);
		expect(canSeePerson(manager, otherOrg)).toBe(false);
		expect(canManageOrganisation(manager, 10)).toBe(true);
		expect(canManageOrganisation(manager, 20)).toBe(false);
	});

	it('gives a partnership lead no person-level access', () => {
		const lead = principal(6, 10, 100, [{ role: 'partnership-lead', unitId: null, organisationId: null }]);
		expect(canSeePerson(lead, sameUnit)).toBe(false);
		expect(canSeePerson(lead, otherOrg)).toBe(false);
	});

	it('lets an administrator see everyone', () => {
		const admin = principal(7, 10, 100, [{ role: 'admin', unitId: null, organisationId: null }]);
		expect(canSeePerson(admin, otherOrg)).toBe(true);
		expect(peopleScope(admin)).toEqual({ kind: 'all' });
	});

	it('lets a trainer assess others in their organisation, never themselves', () => {
		const trainer = principal(8, 10, 100, [{ role: 'trainer', unitId: null, organisationId: 10 }]);
		expect(canAssess(trainer, otherUnit)).toBe(true);
		expect(canAssess(trainer, ref(8, 10, 100))).toBe(false);
		expect(canAssess(trainer, otherOrg)).toBe(false);
	});

	it('gives insights to trainers, managers and administrators over their own scope, and to no one else', () => {
		expect(mayViewInsights(principal(1, 10, 100))).toBe(false);
		expect(mayViewInsights(principal(6, 10, 100, [{ role: 'partnership-lead', unitId: null, organisationId: null }]))).toBe(false);
		expect(insightsScope(principal(7, 10, 100, [{ role: 'admin', unitId: null, organisationId: null }]))).toEqual({ kind: 'all' });
		expect(insightsScope(principal(5, 10, 100, [{ role: 'manager', unitId: 100, organisationId: null }]))).toEqual({
			kind: 'scoped',
			organisationIds: [],
			unitIds: [100]
		});
		const both = principal(8, 10, 100, [
			{ role: 'trainer', unitId: null, organisationId: 10 },
			{ role: 'manager', unitId: 201, organisationId: null },
			{ role: 'manager', unitId: null, organisationId: 10 }
		]);
		expect(insightsScope(both)).toEqual({ kind: 'scoped', organisationIds: [10], unitIds: [201] });
	});
});

describe('insights (learner evaluation surveys)', () => {
	const learner = principal(1, 10, 100);
	const lead = principal(2, 10, 100, [{ role: 'partnership-lead', unitId: null, organisationId: null }]);
	const trainer = principal(3, 10, 100, [{ role: 'trainer', unitId: null, organisationId: 10 }]);
	const unitManager = principal(4, 10, 100, [{ role: 'manager', unitId: 100, organisationId: null }]);
	const both = principal(5, 10, 100, [
		{ role: 'trainer', unitId: null, organisationId: 20 },
		{ role: 'manager', unitId: 101, organisationId: null },
		{ role: 'manager', unitId: null, organisationId: 10 }
	]);
	const admin = principal(6, 10, 100, [{ role: 'admin', unitId: null, organisationId: null }]);

	it('are for trainers, training managers and administrators only', () => {
		expect([learner, lead, trainer, unitManager, admin].map(mayViewInsights)).toEqual([false, false, true, true, true]);
	});

	it('cover what each trains for or manages, never a single person', () => {
		expect(insightsScope(trainer)).toEqual({ kind: 'scoped', organisationIds: [10], unitIds: [] });
		expect(insightsScope(unitManager)).toEqual({ kind: 'scoped', organisationIds: [], unitIds: [100] });
		expect(insightsScope(both)).toEqual({ kind: 'scoped', organisationIds: [10, 20], unitIds: [101] });
		expect(insightsScope(admin)).toEqual({ kind: 'all' });
	});

	it('free-text answers are for administrators (content owners) only, not trainers or managers', () => {
		expect([trainer, unitManager, both, admin].map(mayReadSurveyComments)).toEqual([false, false, false, true]);
	});
});
