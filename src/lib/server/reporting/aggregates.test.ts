import { describe, expect, it } from 'vitest';
import type { PeopleScope } from '../access/policy';
import type { Db } from '../db';
import { mulberry32 } from '../../../../scripts/demo/seed';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { completeModule } from '$testing/evidence';
import { testFrameworkWithPlans } from '$testing/framework';
import { disableAggregates, ensureAggregates } from './aggregates';
import { complianceSummary, complianceTrend, expiringInExpiryOrder, expiringList } from './compliance';
import { addDays } from '../competency/dates';
import { recordEvidence, refreshPerson, voidEvidence } from '../competency/ledger';
import { bucketFor, DUE_SOON_DAYS, statusFor } from '../competency/status-rule';
import { trendDates } from './trend-dates';

// Due dates for two of the roles, falling either side of the days the test counts on, so that overdue is counted and rolled.
const framework = testFrameworkWithPlans(`
plans:
  police-constable:
    - { competency: recognise-distress, withinDays: 400 }
    - { competency: mca-emergencies, withinDays: 900 }
  paramedic:
    - { competency: recognise-distress, withinDays: 700 }
`);
const MODULES = [
	'recognising-distress',
	'mental-capacity-act',
	'working-together',
	'staff-wellbeing',
	'restraint-safety',
	'equality-families',
	'why-this-training'
];
const ROLES = ['call-handler', 'police-constable', 'mental-health-nurse', 'paramedic'];

type Row = {
	personId: number;
	competencyId: string;
	expiresOn: string | null;
	dueOn: string | null;
	organisationId: number;
	unitId: number;
	jobRole: string;
	status: string;
	startDate: string;
	leftDate: string | null;
	borough: string | null;
	kind: string;
};

/** Straight from the base tables, the simplest way: what the aggregates must always agree with. */
function reference(db: Db, scope: PeopleScope, today: string) {
	const rows = db.$client
		.prepare(
			`select cs.person_id as personId, cs.competency_id as competencyId, cs.expires_on as expiresOn, cs.due_on as dueOn, p.organisation_id as organisationId, p.unit_id as unitId,
			  p.job_role as jobRole, p.status, p.start_date as startDate, p.left_date as leftDate, u.borough, o.kind
			 from competency_status cs join people p on p.id = cs.person_id join units u on u.id = p.unit_id join organisations o on o.id = p.organisation_id`
		)
		.all() as Row[];
	const cycles = db.$client
		.prepare('select person_id as personId, competency_id as competencyId, achieved_on as a, expires_on as e from competency_cycles')
		.all() as { personId: number; competencyId: string; a: string; e: string }[];
	const inScope = (r: Row) =>
		scope.kind === 'all' || (scope.kind === 'scoped' && (scope.organisationIds.includes(r.organisationId) || scope.unitIds.includes(r.unitId)));
	const dueBy = addDays(today, DUE_SOON_DAYS);
	const status = (e: string | null, due: string | null) =>
		e === null ? (due !== null && due < today ? 'overdue' : 'notAchieved') : e <= today ? 'expired' : e <= dueBy ? 'dueSoon' : 'current';
	const summary = new Map<string, Record<string, number>>();
	for (const r of rows.filter((x) => x.status === 'active' && inScope(x))) {
		const key = `${r.competencyId}|${r.unitId}|${r.jobRole}`;
		const c = summary.get(key) ?? { required: 0, current: 0, dueSoon: 0, expired: 0, notAchieved: 0, overdue: 0 };
		c.required++;
		c[status(r.expiresOn, r.dueOn)]++;
		summary.set(key, c);
	}
	const expiring = (within: number) =>
		rows.filter((r) => r.status === 'active' && inScope(r) && r.expiresOn !== null && r.expiresOn <= addDays(today, within)).length;
	const trend = (competencyId?: string) =>
		trendDates(today).map((date) => {
			const inPost = rows.filter(
				(r) => inScope(r) && (!competencyId || r.competencyId === competencyId) && r.startDate <= date && (r.leftDate === null || r.leftDate > date)
			);
			const current = inPost.filter((r) =>
				cycles.some((c) => c.personId === r.personId && c.competencyId === r.competencyId && c.a <= date && c.e > date)
			).length;
			return { date, required: inPost.length, current };
		});
	return { summary, expiring, trend, competencies: [...new Set(rows.map((r) => r.competencyId))].sort() };
}

function check(db: Db, scopes: PeopleScope[], today: string) {
	for (const scope of scopes) {
		const ref = reference(db, scope, today);
		const got = complianceSummary(db, scope, today);
		// By unit and by role are sums over the finest grain (competency, unit, role); check both against the reference.
		const sumBy = (index: 1 | 2) => {
			const out = new Map<string, Map<string, Record<string, number>>>();
			for (const [key, counts] of ref.summary) {
				const parts = key.split('|');
				const group = parts[index];
				if (!out.has(group)) out.set(group, new Map());
				const into = out.get(group)!.get(parts[0]) ?? { required: 0, current: 0, dueSoon: 0, expired: 0, notAchieved: 0, overdue: 0 };
				for (const f of Object.keys(into)) into[f] += counts[f];
				out.get(group)!.set(parts[0], into);
			}
			return out;
		};
		expect(new Map([...got.byUnit].map(([u, m]) => [String(u), m])), `summary by unit on ${today}`).toEqual(sumBy(1));
		expect(got.byRole, `summary by role on ${today}`).toEqual(sumBy(2));
		for (const within of [30, 60, 90] as const)
			expect(expiringList(db, scope, today, { within, page: 1 }).total, `expiring within ${within} on ${today}`).toBe(ref.expiring(within));
		const trend = (competencyId?: string) =>
			complianceTrend(db, scope, today, competencyId).map(({ date, required, current }) => ({ date, required, current }));
		expect(trend(), `trend on ${today}`).toEqual(ref.trend());
		// And for each competency alone: the chart's competency filter.
		expect(ref.competencies.length).toBeGreaterThan(1);
		for (const c of ref.competencies) expect(trend(c), `trend of ${c} on ${today}`).toEqual(ref.trend(c));
	}
}

describe('dashboard aggregates', () => {
	it('stay equal to counting the statuses directly, through writes, moves, leavers, corrections and new days', () => {
		const db = testDb();
		const rand = mulberry32(7);
		const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
		const police = addOrganisation(db, 'Police', 'police');
		const nhs = addOrganisation(db, 'Trust', 'nhs');
		const las = addOrganisation(db, 'Ambulance', 'ambulance');
		const units = [
			addUnit(db, police.id, 'A', 'Lambeth'),
			addUnit(db, police.id, 'B', 'Lewisham'),
			addUnit(db, nhs.id, 'W', 'Lambeth'),
			addUnit(db, las.id, 'S', 'Lambeth'),
			addUnit(db, police.id, 'T', null)
		];
		const people = Array.from({ length: 40 }, () =>
			addPerson(db, pick(units), {
				jobRole: pick(ROLES),
				startDate: `20${20 + Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`
			})
		).map((p, i) => ({ ...p, i }));
		const scopes: PeopleScope[] = [
			{ kind: 'all' },
			{ kind: 'scoped', organisationIds: [police.id], unitIds: [] },
			{ kind: 'scoped', organisationIds: [], unitIds: [units[0].id, units[2].id] }
		];
		for (const p of people) refreshPerson(db, framework, p.id);

		let today = '2026-06-15';
		let overdueSeen = 0;
		ensureAggregates(db, today);
		check(db, scopes, today);

		const evidenceIds: { id: number; personId: number }[] = [];
		for (let round = 0; round < 6; round++) {
			for (let k = 0; k < 25; k++) {
				const p = pick(people);
				const day = addDays('2024-01-01', Math.floor(rand() * 900));
				const ids = completeModule(db, framework, p.id, pick(MODULES), day);
				for (const id of ids) evidenceIds.push({ id, personId: p.id });
			}
			const target = evidenceIds.splice(Math.floor(rand() * evidenceIds.length), 1)[0];
			if (target)
				voidEvidence(db, framework, { evidenceId: target.id, personId: target.personId, reason: 'entered against the wrong person', actorId: target.personId });
			const moved = pick(people);
			db.$client.prepare('update people set unit_id = ?, organisation_id = ? where id = ?').run(...((u) => [u.id, u.organisationId])(pick(units)), moved.id);
			const leaver = pick(people);
			db.$client.prepare("update people set status = 'left', left_date = ? where id = ?").run(addDays(today, -Math.floor(rand() * 200)), leaver.id);
			const changed = pick(people);
			db.$client.prepare('update people set job_role = ? where id = ?').run(pick(ROLES), changed.id);
			refreshPerson(db, framework, changed.id);
			const restarted = pick(people);
			db.$client.prepare('update people set start_date = ? where id = ?').run(addDays('2025-01-01', Math.floor(rand() * 400)), restarted.id);
			refreshPerson(db, framework, restarted.id); // new due dates
			overdueSeen += db.$client.prepare('select count(*) from competency_status where expires_on is null and due_on < ?').pluck().get(today) as number;
			check(db, scopes, today);
			// A new day (sometimes a new month), a day back, and a long jump that rebuilds.
			today = addDays(today, [1, 17, 45, -3, 200][round % 5]);
			check(db, scopes, today);
		}
		expect(overdueSeen, 'some statuses were overdue along the way').toBeGreaterThan(0);
	});

	it('pages the expiring list in expiry order exactly as sorting everything would, ties broken by name', () => {
		const db = testDb();
		const rand = mulberry32(11);
		const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
		const police = addOrganisation(db, 'Police', 'police');
		const nhs = addOrganisation(db, 'Trust', 'nhs');
		const units = [addUnit(db, police.id, 'A', 'Lambeth'), addUnit(db, police.id, 'B', 'Lewisham'), addUnit(db, nhs.id, 'W', 'Lambeth')];
		for (let i = 0; i < 30; i++) {
			// Names in the opposite order to ids (and index order), so a page cut short within a date shows.
			const p = addPerson(db, pick(units), { jobRole: pick(ROLES), name: `Person ${String(99 - i).padStart(2, '0')}`, startDate: '2020-01-01' });
			// Few distinct dates, so many statuses share an expiry date and the name decides.
			// Everyone's first module on one day: a tie on expiry wider than the first read of the index.
			for (const [module, occurredOn] of [
				['recognising-distress', '2025-01-10'],
				['working-together', pick(['2025-01-10', '2025-03-01', '2025-06-15'])],
				['staff-wellbeing', '2025-03-01']
			])
				recordEvidence(db, framework, { personId: p.id, source: { module }, version: '1', occurredOn, recordedBy: p.id, at: new Date('2025-07-01T10:00:00Z') });
		}
		db.$client.prepare("update people set status = 'left', left_date = '2025-12-01' where id in (3, 7)").run();
		const today = '2026-04-01';
		const until = addDays(today, 90);
		const everyone = db.$client
			.prepare(
				`select p.id as personId, p.name, p.organisation_id as o, p.unit_id as u, cs.competency_id as competencyId, cs.expires_on as expiresOn from competency_status cs join people p on p.id = cs.person_id
				 where p.status = 'active' and cs.expires_on is not null and cs.expires_on <= ? order by cs.expires_on, p.name, cs.competency_id`
			)
			.all(until) as { personId: number; name: string; o: number; u: number; competencyId: string; expiresOn: string }[];
		const scopes: Exclude<PeopleScope, { kind: 'self' }>[] = [
			{ kind: 'all' },
			{ kind: 'scoped', organisationIds: [police.id], unitIds: [] },
			{ kind: 'scoped', organisationIds: [], unitIds: [units[2].id] }
		];
		for (const scope of scopes) {
			const expected = everyone
				.filter((r) => scope.kind === 'all' || scope.organisationIds.includes(r.o) || scope.unitIds.includes(r.u))
				.map((r) => [r.personId, r.competencyId]);
			expect(expected.length).toBeGreaterThan(6);
			for (const [pageSize, offset] of [
				[5, 0],
				[5, 5],
				[7, 14],
				[50, 0]
			])
				for (const first of [1, 3, 2000])
					expect(
						expiringInExpiryOrder(db, scope, today, until, pageSize, offset, first).map((r) => [r.personId, r.competencyId]),
						`${JSON.stringify(scope)} ${pageSize}@${offset} from ${first}`
					).toEqual(expected.slice(offset, offset + pageSize));
		}
	});

	it('rebuild after a bulk load with the triggers off', () => {
		const db = testDb();
		const unit = addUnit(db, addOrganisation(db, 'Police', 'police').id, 'A', 'Lambeth');
		const person = addPerson(db, unit, { jobRole: 'call-handler' });
		ensureAggregates(db, '2026-06-15');
		disableAggregates(db);
		recordEvidence(db, framework, {
			personId: person.id,
			source: { module: 'staff-wellbeing' },
			version: '1',
			occurredOn: '2026-01-01',
			recordedBy: person.id,
			at: new Date('2026-01-01T10:00:00Z')
		});
		expect(db.$client.prepare('select count(*) as n from status_counts where required > 0').get()).toEqual({ n: 0 });
		check(db, [{ kind: 'all' }], '2026-06-15');
		expect(db.$client.prepare('select day, enabled from compliance_state').get()).toEqual({ day: '2026-06-15', enabled: 1 });
	});

	it('buckets due soon as the status does', () => {
		// Every expiry in a bucket has the bucket's status, so due soon can be read as a sum of buckets.
		for (let days = -3; days <= DUE_SOON_DAYS + 40; days++) {
			const expiresOn = addDays('2026-06-15', days);
			expect(bucketFor(expiresOn, '2026-06-15').status, `${days} days ahead`).toBe(statusFor(expiresOn, '2026-06-15'));
		}
	});
});
