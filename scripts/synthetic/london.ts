/**
 * Synthetic London: the organisations and units a London-wide deployment would hold, sized for a given
 * number of staff. Pure and deterministic: the same staff count always gives the same layout.
 *
 * The shape follows the real services (the 12 Met BCUs and the boroughs they cover, custody suites, the
 * three MetCC control rooms, the City of London, London Ambulance Service sectors, mental health trusts by
 * borough footprint); the NHS trust names are invented and marked "(synthetic)", and every figure is made up.
 */
import type { JobRoleId, OrganisationKind, UnitKind } from '../../src/lib/organisation-model';

/** Approximate residents in thousands (2021 census), used only to size units in proportion. */
export const BOROUGH_WEIGHT: Record<string, number> = {
	'Barking and Dagenham': 219,
	Barnet: 389,
	Bexley: 246,
	Brent: 339,
	Bromley: 330,
	Camden: 210,
	'City of London': 9,
	Croydon: 391,
	Ealing: 367,
	Enfield: 330,
	Greenwich: 289,
	Hackney: 259,
	'Hammersmith and Fulham': 183,
	Haringey: 264,
	Harrow: 261,
	Havering: 262,
	Hillingdon: 306,
	Hounslow: 288,
	Islington: 217,
	'Kensington and Chelsea': 144,
	'Kingston upon Thames': 168,
	Lambeth: 317,
	Lewisham: 300,
	Merton: 215,
	Newham: 351,
	Redbridge: 310,
	'Richmond upon Thames': 195,
	Southwark: 307,
	Sutton: 209,
	'Tower Hamlets': 311,
	'Waltham Forest': 278,
	Wandsworth: 328,
	Westminster: 205
};

/** The Met's 12 Basic Command Units and the boroughs each covers (the City has its own force). */
export const MPS_BCUS: { name: string; boroughs: string[] }[] = [
	{ name: 'Central East', boroughs: ['Hackney', 'Tower Hamlets'] },
	{ name: 'Central North', boroughs: ['Camden', 'Islington'] },
	{ name: 'Central South', boroughs: ['Lambeth', 'Southwark'] },
	{ name: 'Central West', boroughs: ['Hammersmith and Fulham', 'Kensington and Chelsea', 'Westminster'] },
	{ name: 'East Area', boroughs: ['Barking and Dagenham', 'Havering', 'Redbridge'] },
	{ name: 'North Area', boroughs: ['Enfield', 'Haringey'] },
	{ name: 'North East', boroughs: ['Newham', 'Waltham Forest'] },
	{ name: 'North West', boroughs: ['Barnet', 'Brent', 'Harrow'] },
	{ name: 'South Area', boroughs: ['Bromley', 'Croydon', 'Sutton'] },
	{ name: 'South East', boroughs: ['Bexley', 'Greenwich', 'Lewisham'] },
	{ name: 'South West', boroughs: ['Kingston upon Thames', 'Merton', 'Richmond upon Thames', 'Wandsworth'] },
	{ name: 'West Area', boroughs: ['Ealing', 'Hillingdon', 'Hounslow'] }
];

const CUSTODY_SUITES: [string, string][] = [
	['Bethnal Green', 'Tower Hamlets'],
	['Brixton', 'Lambeth'],
	['Charing Cross', 'Westminster'],
	['Colindale', 'Barnet'],
	['Croydon', 'Croydon'],
	['Ealing', 'Ealing'],
	['Forest Gate', 'Newham'],
	['Islington', 'Islington'],
	['Kingston', 'Kingston upon Thames'],
	['Leyton', 'Waltham Forest'],
	['Lewisham', 'Lewisham'],
	['Romford', 'Havering'],
	['Stoke Newington', 'Hackney'],
	['Sutton', 'Sutton'],
	['Tottenham', 'Haringey'],
	['Uxbridge', 'Hillingdon'],
	['Walworth', 'Southwark'],
	['Wembley', 'Brent'],
	['Wandsworth', 'Wandsworth'],
	['Bexleyheath', 'Bexley'],
	['Hammersmith', 'Hammersmith and Fulham'],
	['Plumstead', 'Greenwich']
];

const CONTROL_ROOMS: [string, string][] = [
	['MetCC Lambeth', 'Lambeth'],
	['MetCC Hendon', 'Barnet'],
	['MetCC Bow', 'Tower Hamlets']
];

/** Mental health trusts by borough footprint, as London's are organised. */
export const NHS_TRUSTS: { name: string; prefix: string; boroughs: string[] }[] = [
	{ name: 'North Central London Mental Health NHS Trust (synthetic)', prefix: 'NCL', boroughs: ['Barnet', 'Camden', 'Enfield', 'Haringey', 'Islington'] },
	{ name: 'East London Mental Health NHS Trust (synthetic)', prefix: 'ELM', boroughs: ['City of London', 'Hackney', 'Newham', 'Tower Hamlets'] },
	{
		name: 'North East London Mental Health NHS Trust (synthetic)',
		prefix: 'NEL',
		boroughs: ['Barking and Dagenham', 'Havering', 'Redbridge', 'Waltham Forest']
	},
	{
		name: 'North West London Mental Health NHS Trust (synthetic)',
		prefix: 'NWL',
		boroughs: ['Brent', 'Harrow', 'Hillingdon', 'Kensington and Chelsea', 'Westminster']
	},
	{ name: 'West London Mental Health NHS Trust (synthetic)', prefix: 'WLM', boroughs: ['Ealing', 'Hammersmith and Fulham', 'Hounslow'] },
	{ name: 'South London Mental Health NHS Trust (synthetic)', prefix: 'SLM', boroughs: ['Croydon', 'Lambeth', 'Lewisham', 'Southwark'] },
	{ name: 'South East London Mental Health NHS Trust (synthetic)', prefix: 'SEL', boroughs: ['Bexley', 'Bromley', 'Greenwich'] },
	{
		name: 'South West London Mental Health NHS Trust (synthetic)',
		prefix: 'SWL',
		boroughs: ['Kingston upon Thames', 'Merton', 'Richmond upon Thames', 'Sutton', 'Wandsworth']
	}
];

/** London Ambulance Service operational sectors and the boroughs their stations serve. */
const LAS_SECTORS: { name: string; boroughs: string[] }[] = [
	{ name: 'North Central', boroughs: ['Barnet', 'Camden', 'City of London', 'Enfield', 'Haringey', 'Islington'] },
	{ name: 'North East', boroughs: ['Barking and Dagenham', 'Hackney', 'Havering', 'Newham', 'Redbridge', 'Tower Hamlets', 'Waltham Forest'] },
	{ name: 'North West', boroughs: ['Brent', 'Ealing', 'Hammersmith and Fulham', 'Harrow', 'Hillingdon', 'Hounslow', 'Kensington and Chelsea', 'Westminster'] },
	{ name: 'South East', boroughs: ['Bexley', 'Bromley', 'Greenwich', 'Lambeth', 'Lewisham', 'Southwark'] },
	{ name: 'South West', boroughs: ['Croydon', 'Kingston upon Thames', 'Merton', 'Richmond upon Thames', 'Sutton', 'Wandsworth'] }
];

const WARD_NAMES = ['Ash', 'Beech', 'Cedar', 'Elm', 'Hazel', 'Juniper', 'Larch', 'Maple', 'Oak', 'Rowan', 'Willow', 'Yew'];

/** Job roles in a unit, with their share of its staff. */
export type RoleMix = [JobRoleId, number][];
const MIX: Record<string, RoleMix> = {
	bcu: [
		['police-constable', 0.79],
		['police-sergeant', 0.12],
		['police-recruit', 0.07],
		['mh-liaison-officer', 0.02]
	],
	custody: [
		['custody-officer', 0.7],
		['police-sergeant', 0.3]
	],
	control: [
		['call-handler', 0.9],
		['police-sergeant', 0.1]
	],
	school: [
		['police-recruit', 0.95],
		['police-sergeant', 0.05]
	],
	trainers: [['police-sergeant', 1]],
	ward: [
		['mental-health-nurse', 0.45],
		['ward-healthcare-assistant', 0.55]
	],
	crisis: [['mental-health-nurse', 1]],
	ld: [
		['liaison-diversion-practitioner', 0.65],
		['mental-health-nurse', 0.35]
	],
	community: [
		['mental-health-nurse', 0.85],
		['ward-healthcare-assistant', 0.15]
	],
	ambulance: [
		['paramedic', 0.55],
		['emergency-medical-technician', 0.45]
	]
};

export type UnitPlan = {
	name: string;
	kind: UnitKind;
	borough: string | null;
	/** People to create in the unit (leavers included). */
	size: number;
	roles: RoleMix;
	/** Trainers: police sergeants who hold a trainer grant for their organisation. */
	trainers?: boolean;
	/** Months after the start of the history when the unit began using the academy. */
	goLiveMonths: number;
};
export type OrganisationPlan = { name: string; kind: OrganisationKind; prefix: string; domain: string; units: UnitPlan[] };

/** Shares of the workforce: about 45,000 of 80,000 in the Met. */
export const SHARES = { mps: 0.5625, colp: 0.0125, las: 0.075 } as const;

/** Splits `total` over weights into whole numbers that add up to `total` (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	const exact = weights.map((w) => (sum ? (total * w) / sum : 0));
	const out = exact.map(Math.floor);
	let left = total - out.reduce((a, b) => a + b, 0);
	const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
	return out;
}

/**
 * The rollout: the academy started with a pilot in the Met's Central South BCU (and the training school), which
 * ran on its own for three years; the rest of the Met and the South London trust joined over the following
 * six months, the other trusts and the ambulance service after that, and everyone at least 15 months before
 * the end of the history. Returned in months after the start of the history; with a short history, all at 0.
 */
function goLive(years: number, stage: number, spread: number): number {
	const last = Math.max(0, years * 12 - 15);
	return Math.min(last, Math.round(stage + spread));
}

/** At least two trainers, so that trainers too can be assessed by someone else. */
const trainersFor = (total: number, share: number) => Math.min(total, Math.max(2, Math.round(total * share)));

/** The whole of synthetic London for `staff` people. */
export function planLondon(staff: number, years: number): OrganisationPlan[] {
	const mpsTotal = Math.round(staff * SHARES.mps);
	const colpTotal = Math.round(staff * SHARES.colp);
	const lasTotal = Math.round(staff * SHARES.las);
	const nhsTotal = staff - mpsTotal - colpTotal - lasTotal;

	// The Met: 80% in borough policing, the rest in custody, control rooms and training.
	const mpsBoroughs = MPS_BCUS.flatMap((b, i) => b.boroughs.map((borough) => ({ bcu: b.name, borough, order: i })));
	const mpsTrainers = trainersFor(mpsTotal, 0.003);
	const [boroughShare, custodyShare, controlShare, schoolShare] = apportion(mpsTotal - mpsTrainers, [80.3, 4.4, 8.7, 6.3]);
	const boroughSizes = apportion(
		boroughShare,
		mpsBoroughs.map((b) => BOROUGH_WEIGHT[b.borough] * (b.borough === 'Westminster' ? 2.4 : 1))
	);
	const custodySizes = apportion(
		custodyShare,
		CUSTODY_SUITES.map(() => 1)
	);
	const controlSizes = apportion(
		controlShare,
		CONTROL_ROOMS.map(() => 1)
	);
	const mps: OrganisationPlan = {
		name: 'Metropolitan Police Service',
		kind: 'police',
		prefix: 'MPS',
		domain: 'met.synthetic.test',
		units: [
			...mpsBoroughs.map((b, i) => ({
				name: `${b.bcu} BCU – ${b.borough}`,
				kind: 'bcu' as const,
				borough: b.borough,
				size: boroughSizes[i],
				roles: MIX.bcu,
				goLiveMonths: b.bcu === 'Central South' ? 0 : goLive(years, 36, (b.order * 6) / 11)
			})),
			...CUSTODY_SUITES.map(([name, borough], i) => ({
				name: `${name} Custody Suite`,
				kind: 'custody-suite' as const,
				borough,
				size: custodySizes[i],
				roles: MIX.custody,
				goLiveMonths: borough === 'Lambeth' || borough === 'Southwark' ? 0 : goLive(years, 36, (i * 6) / 21)
			})),
			...CONTROL_ROOMS.map(([name, borough], i) => ({
				name,
				kind: 'control-room' as const,
				borough,
				size: controlSizes[i],
				roles: MIX.control,
				goLiveMonths: goLive(years, 40, i * 2)
			})),
			{ name: 'Met Police Training School, Hendon', kind: 'training', borough: 'Barnet', size: schoolShare, roles: MIX.school, goLiveMonths: 0 },
			{ name: 'Personal Safety Training', kind: 'training', borough: null, size: mpsTrainers, roles: MIX.trainers, trainers: true, goLiveMonths: 0 }
		]
	};

	const colpTrainers = trainersFor(colpTotal, 0.02);
	const [colpStreet, colpCustody] = apportion(colpTotal - colpTrainers, [85, 13]);
	const colp: OrganisationPlan = {
		name: 'City of London Police',
		kind: 'police',
		prefix: 'COLP',
		domain: 'colp.synthetic.test',
		units: [
			{
				name: 'City of London Police – Bishopsgate',
				kind: 'bcu',
				borough: 'City of London',
				size: colpStreet,
				roles: MIX.bcu,
				goLiveMonths: goLive(years, 44, 0)
			},
			{
				name: 'Bishopsgate Custody Suite',
				kind: 'custody-suite',
				borough: 'City of London',
				size: colpCustody,
				roles: MIX.custody,
				goLiveMonths: goLive(years, 44, 0)
			},
			{
				name: 'Personal Safety Training',
				kind: 'training',
				borough: null,
				size: colpTrainers,
				roles: MIX.trainers,
				trainers: true,
				goLiveMonths: goLive(years, 44, 0)
			}
		]
	};

	// Each trust: per borough, wards, then the teams below, each with its share of the borough's staff (a ward's is 8).
	const BOROUGH_TEAMS: { name: string; kind: UnitKind; weight: number; roles: RoleMix }[] = [
		{ name: 'Crisis Resolution and Home Treatment Team', kind: 'crisis-team', weight: 9, roles: MIX.crisis },
		{ name: 'Liaison and Diversion Team', kind: 'liaison-diversion', weight: 3, roles: MIX.ld },
		{ name: 'Community Mental Health Teams', kind: 'other', weight: 12, roles: MIX.community }
	];
	const trustSizes = apportion(
		nhsTotal,
		NHS_TRUSTS.map((t) => t.boroughs.reduce((s, b) => s + BOROUGH_WEIGHT[b] + 60, 0))
	);
	const trusts: OrganisationPlan[] = NHS_TRUSTS.map((trust, t) => {
		const start = goLive(years, trust.prefix === 'SLM' ? 36 : 40, t * 0.7);
		const boroughSizes = apportion(
			trustSizes[t],
			trust.boroughs.map((b) => BOROUGH_WEIGHT[b] + 60)
		);
		const units: UnitPlan[] = [];
		trust.boroughs.forEach((borough, b) => {
			const wards = borough === 'City of London' ? 0 : 6;
			const parts = apportion(boroughSizes[b], [...Array(wards).fill(8), ...BOROUGH_TEAMS.map((team) => team.weight)]);
			for (let w = 0; w < wards; w++)
				units.push({
					name: `${borough} – ${WARD_NAMES[(b * 5 + w) % WARD_NAMES.length]} Ward`,
					kind: 'ward',
					borough,
					size: parts[w],
					roles: MIX.ward,
					goLiveMonths: start
				});
			BOROUGH_TEAMS.forEach((team, i) =>
				units.push({ name: `${borough} ${team.name}`, kind: team.kind, borough, size: parts[wards + i], roles: team.roles, goLiveMonths: start })
			);
		});
		return { name: trust.name, kind: 'nhs', prefix: trust.prefix, domain: `${trust.prefix.toLowerCase()}.nhs.synthetic.test`, units };
	});

	const lasBoroughs = LAS_SECTORS.flatMap((s) => s.boroughs.map((borough) => ({ sector: s.name, borough })));
	const lasSizes = apportion(
		lasTotal,
		lasBoroughs.map((b) => BOROUGH_WEIGHT[b.borough] + 80)
	);
	const las: OrganisationPlan = {
		name: 'London Ambulance Service',
		kind: 'ambulance',
		prefix: 'LAS',
		domain: 'las.synthetic.test',
		units: lasBoroughs.map((b, i) => ({
			name: `${b.sector} Sector – ${b.borough}`,
			kind: 'ambulance-sector',
			borough: b.borough,
			size: lasSizes[i],
			roles: MIX.ambulance,
			goLiveMonths: goLive(years, 44, 0)
		}))
	};

	return [mps, colp, ...trusts, las];
}

/** The borough unit whose size is nearest `target`: the unit manager's patch in the benchmark. */
export function unitNearest(plan: OrganisationPlan[], target: number): { organisation: OrganisationPlan; unit: UnitPlan } {
	let best: { organisation: OrganisationPlan; unit: UnitPlan } | null = null;
	for (const organisation of plan)
		for (const unit of organisation.units)
			if (unit.kind === 'bcu' && (!best || Math.abs(unit.size - target) < Math.abs(best.unit.size - target))) best = { organisation, unit };
	return best!;
}
