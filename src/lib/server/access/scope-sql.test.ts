import { describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { recordEvidence, refreshPerson } from '../competency/ledger';
import { searchPeople } from '../people/repository';
import { competencyMatrix, complianceSummary, complianceTrend, expiringInExpiryOrder, expiringList } from '../reporting/compliance';
import { trainerScope, type PeopleScope, type Principal } from './policy';

const TODAY = '2026-06-15';

function world() {
	const db = testDb();
	const framework = testFramework();
	const police = addOrganisation(db, 'Police', 'police');
	const trust = addOrganisation(db, 'Trust', 'nhs');
	const bcu = addUnit(db, police.id, 'BCU');
	const ward = addUnit(db, trust.id, 'Ward');
	const people = [
		addPerson(db, bcu, { jobRole: 'call-handler' }),
		addPerson(db, bcu, { jobRole: 'call-handler' }),
		addPerson(db, ward, { jobRole: 'mental-health-nurse' })
	];
	// Expired, so that every list (including the expiring list) has someone to show to a scope that reaches them.
	for (const p of people)
		recordEvidence(db, framework, {
			personId: p.id,
			source: { module: 'staff-wellbeing' },
			version: '1',
			occurredOn: '2024-01-01',
			recordedBy: p.id,
			at: new Date('2024-01-01T10:00:00Z')
		});
	for (const p of people) refreshPerson(db, framework, p.id);
	return { db, police, trust, bcu, ward, people };
}

/** Everything a scope can ask for: the people list and every dashboard view, counted. */
function whatIsSeen(db: ReturnType<typeof world>['db'], scope: PeopleScope) {
	const summary = complianceSummary(db, scope, TODAY);
	return {
		people: searchPeople(db, scope, {}).total,
		required: [...summary.byCompetency.values()].reduce((n, c) => n + c.required, 0),
		expiring: expiringList(db, scope, TODAY, { within: 90, page: 1 }).total,
		trend: complianceTrend(db, scope, TODAY).at(-1)!.required,
		matrix: competencyMatrix(db, scope, TODAY, { sort: 'name', page: 1 }).total,
		expiryOrder: scope.kind === 'self' ? 0 : expiringInExpiryOrder(db, scope, TODAY, '2026-09-13', 50, 0).length
	};
}

describe('a scope in SQL', () => {
	it('an empty scope sees no one: not in the people list, not in any aggregate', () => {
		const w = world();
		const empty: PeopleScope = { kind: 'scoped', organisationIds: [], unitIds: [] };
		expect(whatIsSeen(w.db, empty)).toEqual({ people: 0, required: 0, expiring: 0, trend: 0, matrix: 0, expiryOrder: 0 });
		// A trainer whose grant names no organisation gets exactly this scope.
		const trainer = { ...w.people[0], grants: [{ role: 'trainer', organisationId: null, unitId: w.bcu.id }] } as Principal;
		expect(trainerScope(trainer)).toEqual(empty);
		expect(searchPeople(w.db, trainerScope(trainer), {}).rows).toEqual([]);
	});

	it('sees everyone, an organisation or a unit, the same in the people list as in the aggregates', () => {
		const w = world();
		const everyone = whatIsSeen(w.db, { kind: 'all' });
		expect(everyone.people).toBe(3);
		expect(everyone.expiring).toBeGreaterThanOrEqual(3);
		const trust = whatIsSeen(w.db, { kind: 'scoped', organisationIds: [w.trust.id], unitIds: [] });
		const bcu = whatIsSeen(w.db, { kind: 'scoped', organisationIds: [], unitIds: [w.bcu.id] });
		expect([trust.people, bcu.people]).toEqual([1, 2]);
		expect([trust.matrix, bcu.matrix]).toEqual([1, 2]);
		// The two together make everyone, in every view.
		const both = whatIsSeen(w.db, { kind: 'scoped', organisationIds: [w.trust.id], unitIds: [w.bcu.id] });
		expect(both).toEqual(everyone);
		for (const key of Object.keys(everyone) as (keyof typeof everyone)[]) expect(trust[key] + bcu[key], key).toBe(everyone[key]);
	});

	it('sees one person’s own rows for their own scope', () => {
		const w = world();
		const self = whatIsSeen(w.db, { kind: 'self', personId: w.people[2].id });
		expect(self.people).toBe(1);
		expect(self.matrix).toBe(1);
		expect(self.required).toBeGreaterThan(0);
	});
});
