import { count } from 'drizzle-orm';
import { appendAudit } from '../../src/lib/server/audit/log';
import { hashPassword } from '../../src/lib/server/auth/password';
import type { Db } from '../../src/lib/server/db';
import { organisations, people, roleGrants, units } from '../../src/lib/server/db/schema';
import type { JobRoleId } from '../../src/lib/organisation-model';
import { DEMO_SSO_PEOPLE } from './sso-accounts';

export const DEMO_PASSWORD = 'demo-pass-2026';

type DemoAccount = {
	email: string;
	name: string;
	describe: string;
	unit: string;
	jobRole: JobRoleId;
	grant?: { role: 'trainer' | 'manager' | 'partnership-lead' | 'admin'; scope?: 'unit' | 'organisation' };
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
	{ email: 'recruit@demo.test', name: 'Amara Okafor', describe: 'police recruit', unit: 'Central South BCU', jobRole: 'police-recruit' },
	{ email: 'officer@demo.test', name: 'Daniel Price', describe: 'police constable', unit: 'Central South BCU', jobRole: 'police-constable' },
	{ email: 'custody@demo.test', name: 'Priya Natarajan', describe: 'custody officer', unit: 'Brixton Custody Suite', jobRole: 'custody-officer' },
	{
		email: 'nurse@demo.test',
		name: 'Grace Mensah',
		describe: 'mental health nurse, liaison and diversion team',
		unit: 'Lambeth Liaison and Diversion Team',
		jobRole: 'mental-health-nurse'
	},
	{ email: 'paramedic@demo.test', name: 'Tomasz Nowak', describe: 'paramedic', unit: 'South East Sector', jobRole: 'paramedic' },
	{
		email: 'trainer@demo.test',
		name: 'Sergeant Ruth Adeyemi',
		describe: 'police personal safety trainer',
		unit: 'Personal Safety Training',
		jobRole: 'police-sergeant',
		grant: { role: 'trainer', scope: 'organisation' }
	},
	{
		email: 'manager@demo.test',
		name: 'Inspector Mark Ellis',
		describe: 'training manager for Central South BCU',
		unit: 'Central South BCU',
		jobRole: 'police-sergeant',
		grant: { role: 'manager', scope: 'unit' }
	},
	{
		email: 'nhs-manager@demo.test',
		name: 'Fatima Rahman',
		describe: 'training manager for the whole NHS trust',
		unit: 'Willow Ward',
		jobRole: 'mental-health-nurse',
		grant: { role: 'manager', scope: 'organisation' }
	},
	{
		email: 'partnership@demo.test',
		name: 'Helen Osei',
		describe: 'partnership lead',
		unit: 'Central South BCU',
		jobRole: 'mh-liaison-officer',
		grant: { role: 'partnership-lead' }
	},
	{ email: 'admin@demo.test', name: 'Sam Whitfield', describe: 'administrator', unit: 'Central South BCU', jobRole: 'call-handler', grant: { role: 'admin' } },
	// Added last, so the people and histories seeded before them stay the same. They let access tests ask "another unit" and "another organisation".
	{
		email: 'custody-manager@demo.test',
		name: 'Inspector Joy Adebayo',
		describe: 'training manager for Brixton Custody Suite',
		unit: 'Brixton Custody Suite',
		jobRole: 'police-sergeant',
		grant: { role: 'manager', scope: 'unit' }
	},
	{
		email: 'mps-manager@demo.test',
		name: 'Chief Inspector Alan Brooks',
		describe: 'training manager for the whole MPS',
		unit: 'Personal Safety Training',
		jobRole: 'police-sergeant',
		grant: { role: 'manager', scope: 'organisation' }
	}
];

const DEMO_LONDON = [
	{
		name: 'Metropolitan Police Service',
		kind: 'police',
		prefix: 'MPS',
		units: [
			{
				name: 'Central South BCU',
				kind: 'bcu',
				borough: 'Lambeth',
				roles: ['police-constable', 'police-constable', 'police-constable', 'police-sergeant', 'police-recruit', 'mh-liaison-officer', 'call-handler']
			},
			{
				name: 'South East BCU',
				kind: 'bcu',
				borough: 'Lewisham',
				roles: ['police-constable', 'police-constable', 'police-constable', 'police-sergeant', 'police-recruit', 'call-handler']
			},
			{ name: 'Brixton Custody Suite', kind: 'custody-suite', borough: 'Lambeth', roles: ['custody-officer', 'custody-officer', 'police-sergeant'] },
			{ name: 'Personal Safety Training', kind: 'training', borough: null, roles: ['police-sergeant'] }
		],
		staff: 110
	},
	{
		name: 'Thameside Mental Health NHS Trust (demo)',
		kind: 'nhs',
		prefix: 'TMH',
		units: [
			{
				name: 'Willow Ward',
				kind: 'ward',
				borough: 'Lambeth',
				roles: ['mental-health-nurse', 'mental-health-nurse', 'ward-healthcare-assistant', 'ward-healthcare-assistant']
			},
			{ name: 'Cedar Ward', kind: 'ward', borough: 'Lewisham', roles: ['mental-health-nurse', 'ward-healthcare-assistant', 'ward-healthcare-assistant'] },
			{
				name: 'Lambeth Liaison and Diversion Team',
				kind: 'liaison-diversion',
				borough: 'Lambeth',
				roles: ['liaison-diversion-practitioner', 'liaison-diversion-practitioner', 'mental-health-nurse']
			}
		],
		staff: 55
	},
	{
		name: 'London Ambulance Service',
		kind: 'ambulance',
		prefix: 'LAS',
		units: [{ name: 'South East Sector', kind: 'ambulance-sector', borough: 'Lambeth', roles: ['paramedic', 'paramedic', 'emergency-medical-technician'] }],
		staff: 25
	}
] as const;

const FIRST = [
	'Aisha',
	'Ben',
	'Chidi',
	'Chloe',
	'David',
	'Elena',
	'Farid',
	'Hannah',
	'Ibrahim',
	'Jade',
	'Kwame',
	'Laura',
	'Mohammed',
	'Nadia',
	'Oliver',
	'Patrick',
	'Rosa',
	'Samir',
	'Sophie',
	'Tariq',
	'Una',
	'Vikram',
	'Wei',
	'Yasmin',
	'Zainab',
	'Marcus',
	'Leah',
	'Kofi',
	'Ewa',
	'Declan'
];
const LAST = [
	'Ahmed',
	'Baker',
	'Campbell',
	'Da Silva',
	'Edwards',
	'Francis',
	'Gordon',
	'Hussain',
	'Iqbal',
	'Johnson',
	'Kowalski',
	'Lewis',
	'Murphy',
	'Nguyen',
	"O'Brien",
	'Patel',
	'Quinn',
	'Robinson',
	'Singh',
	'Taylor',
	'Usman',
	'Walker',
	'Williams',
	'Yilmaz',
	'Zhang',
	'Boateng',
	'Clarke',
	'Dlamini',
	'Evans',
	'Hughes'
];

/** A small deterministic generator, so the demo is the same on every machine. */
export function mulberry32(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function isoDaysAgo(days: number, today = new Date()) {
	return new Date(today.getTime() - days * 86400000).toISOString().slice(0, 10);
}

/** Seeds demo London when the database holds no organisation yet. Returns whether it seeded. */
export async function seedDemo(db: Db, today = new Date()): Promise<boolean> {
	const [{ n }] = db.select({ n: count() }).from(organisations).all();
	if (n > 0) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const rand = mulberry32(2013);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

	db.transaction((tx) => {
		const unitIds = new Map<string, { id: number; organisationId: number }>();
		const counters = new Map<string, number>();
		const nextWorkforceId = (prefix: string) => {
			const next = (counters.get(prefix) ?? 100000) + 7;
			counters.set(prefix, next);
			return `${prefix}${next}`;
		};
		for (const org of DEMO_LONDON) {
			const o = tx.insert(organisations).values({ name: org.name, kind: org.kind }).returning({ id: organisations.id }).get();
			const orgUnits = org.units.map((u) => {
				const row = tx.insert(units).values({ organisationId: o.id, name: u.name, kind: u.kind, borough: u.borough }).returning({ id: units.id }).get();
				unitIds.set(u.name, { id: row.id, organisationId: o.id });
				return { ...u, id: row.id };
			});
			for (let i = 0; i < org.staff; i++) {
				const unit = orgUnits[i % orgUnits.length];
				const jobRole = pick(unit.roles);
				const first = pick(FIRST);
				const last = pick(LAST);
				const startDaysAgo = jobRole === 'police-recruit' ? Math.floor(rand() * 150) + 10 : Math.floor(rand() * 3600) + 200;
				const left = rand() < 0.04;
				tx.insert(people)
					.values({
						organisationId: o.id,
						unitId: unit.id,
						name: `${first} ${last}`,
						email: `${first}.${last}.${org.prefix}${i}@demo.test`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
						jobRole,
						workforceId: nextWorkforceId(org.prefix),
						startDate: isoDaysAgo(startDaysAgo, today),
						status: left ? 'left' : 'active',
						leftDate: left ? isoDaysAgo(Math.floor(rand() * 100), today) : null
					})
					.run();
			}
		}
		for (const account of DEMO_ACCOUNTS) {
			const unit = unitIds.get(account.unit)!;
			const prefix = DEMO_LONDON.find((o) => o.units.some((u) => u.name === account.unit))!.prefix;
			const person = tx
				.insert(people)
				.values({
					organisationId: unit.organisationId,
					unitId: unit.id,
					name: account.name,
					email: account.email,
					jobRole: account.jobRole,
					workforceId: nextWorkforceId(prefix),
					startDate: isoDaysAgo(account.jobRole === 'police-recruit' ? 40 : 2000, today),
					passwordHash
				})
				.returning({ id: people.id })
				.get();
			if (account.grant) {
				tx.insert(roleGrants)
					.values({
						personId: person.id,
						role: account.grant.role,
						organisationId: account.grant.scope === 'organisation' ? unit.organisationId : null,
						unitId: account.grant.scope === 'unit' ? unit.id : null
					})
					.run();
			}
		}
		// Last, so everyone seeded before stays the same: ambulance staff who sign in through the LAS provider (no password).
		const sector = unitIds.get('South East Sector')!;
		for (const p of DEMO_SSO_PEOPLE.filter((p) => p.roster !== 'none')) {
			tx.insert(people)
				.values({
					organisationId: sector.organisationId,
					unitId: sector.id,
					name: p.name,
					email: p.email,
					jobRole: p.jobRole,
					workforceId: nextWorkforceId('LAS'),
					startDate: isoDaysAgo(1500, today),
					status: p.roster === 'left' ? 'left' : 'active',
					leftDate: p.roster === 'left' ? isoDaysAgo(30, today) : null
				})
				.run();
		}
		appendAudit(tx, { actorId: null, action: 'demo-seed', entity: 'database', detail: { accounts: DEMO_ACCOUNTS.length } });
	});
	return true;
}
