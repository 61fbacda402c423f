/**
 * The synthetic workforce: one record per person in each planned unit, with a job role, a start date and,
 * for some, a leaving date. Pure and deterministic for a given plan, seed and date.
 */
import type { JobRoleId } from '../../src/lib/organisation-model';
import type { OrganisationPlan, UnitPlan } from './london';

const FIRST = [
	'Aaliyah',
	'Abdul',
	'Adam',
	'Adebayo',
	'Aisha',
	'Aleksandra',
	'Ali',
	'Amara',
	'Amir',
	'Ana',
	'Anita',
	'Ben',
	'Bilal',
	'Bukola',
	'Callum',
	'Carlos',
	'Charlotte',
	'Chidi',
	'Chloe',
	'Ciaran',
	'Daniel',
	'David',
	'Deborah',
	'Declan',
	'Deepa',
	'Ella',
	'Emeka',
	'Emily',
	'Ewa',
	'Fatima',
	'Femi',
	'Finn',
	'Gabriel',
	'Grace',
	'Hannah',
	'Harpreet',
	'Hassan',
	'Ibrahim',
	'Imran',
	'Isabel',
	'Jack',
	'Jade',
	'James',
	'Jasmine',
	'Joseph',
	'Kemi',
	'Kofi',
	'Kwame',
	'Laura',
	'Leah',
	'Lucy',
	'Marcus',
	'Maria',
	'Mariam',
	'Mehmet',
	'Mohammed',
	'Nadia',
	'Niamh',
	'Noah',
	'Oliver',
	'Olivia',
	'Patrick',
	'Priya',
	'Rachel',
	'Rahul',
	'Rosa',
	'Ruth',
	'Ryan',
	'Samir',
	'Sarah',
	'Sean',
	'Sophie',
	'Sunita',
	'Tariq',
	'Thomas',
	'Tomasz',
	'Una',
	'Vikram',
	'Wei',
	'Yasmin',
	'Yusuf',
	'Zainab'
];
const LAST = [
	'Adeyemi',
	'Ahmed',
	'Ali',
	'Anderson',
	'Baker',
	'Begum',
	'Boateng',
	'Brown',
	'Campbell',
	'Chen',
	'Clarke',
	'Costa',
	'Da Silva',
	'Davies',
	'Dlamini',
	'Edwards',
	'Evans',
	'Francis',
	'Gordon',
	'Green',
	'Hall',
	'Hughes',
	'Hussain',
	'Iqbal',
	'Jackson',
	'James',
	'Johnson',
	'Jones',
	'Kaur',
	'Khan',
	'Kowalski',
	'Lewis',
	'Martin',
	'Mensah',
	'Miah',
	'Mitchell',
	'Murphy',
	'Nguyen',
	'Nowak',
	"O'Brien",
	'Okafor',
	'Osei',
	'Owusu',
	'Patel',
	'Phillips',
	'Quinn',
	'Rahman',
	'Roberts',
	'Robinson',
	'Santos',
	'Shah',
	'Singh',
	'Smith',
	'Taylor',
	'Thomas',
	'Thompson',
	'Turner',
	'Usman',
	'Walker',
	'White',
	'Williams',
	'Wilson',
	'Wright',
	'Yilmaz',
	'Zhang'
];

export type SyntheticPerson = {
	id: number;
	organisationIndex: number;
	unitIndex: number;
	name: string;
	email: string;
	jobRole: JobRoleId;
	workforceId: string;
	/** Day numbers (days since 1970-01-01). */
	startDay: number;
	leftDay: number | null;
	/** The day the person's unit began using the academy. */
	goLiveDay: number;
	trainer: boolean;
};

export type WorkforceOptions = { todayDay: number; years: number; rand: () => number; firstId: number };

function pickRole(unit: UnitPlan, r: number): JobRoleId {
	let acc = 0;
	for (const [role, share] of unit.roles) {
		acc += share;
		if (r < acc) return role;
	}
	return unit.roles[unit.roles.length - 1][0];
}

/** Everyone in synthetic London, in unit order, with ids from `firstId`. */
export function makeWorkforce(plan: OrganisationPlan[], options: WorkforceOptions): SyntheticPerson[] {
	const { todayDay, years, rand } = options;
	const windowStart = todayDay - Math.round(years * 365.25);
	const out: SyntheticPerson[] = [];
	let id = options.firstId;
	plan.forEach((organisation, organisationIndex) => {
		let serial = 0;
		organisation.units.forEach((unit, unitIndex) => {
			const goLiveDay = Math.min(todayDay - 1, windowStart + Math.round(unit.goLiveMonths * 30.44));
			for (let i = 0; i < unit.size; i++) {
				serial++;
				const jobRole = unit.trainers ? 'police-sergeant' : pickRole(unit, rand());
				const first = FIRST[Math.floor(rand() * FIRST.length)];
				const last = LAST[Math.floor(rand() * LAST.length)];
				let startDay: number;
				if (jobRole === 'police-recruit') startDay = todayDay - 14 - Math.floor(rand() * 690);
				else if (rand() < 0.3) startDay = windowStart + Math.floor(rand() * Math.max(1, todayDay - windowStart - 30));
				else startDay = windowStart - Math.min(30 * 365, Math.floor(-Math.log(1 - rand()) * 3000));
				let leftDay: number | null = null;
				const earliestLeave = Math.max(startDay, windowStart) + 60;
				if (!unit.trainers && rand() < 0.08 && earliestLeave < todayDay - 1) leftDay = earliestLeave + Math.floor(rand() * (todayDay - 1 - earliestLeave));
				const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
				out.push({
					id: id++,
					organisationIndex,
					unitIndex,
					name: `${first} ${last}`,
					email: `${local}.${serial}@${organisation.domain}`,
					jobRole,
					workforceId: `${organisation.prefix}${String(100000 + serial * 7).padStart(7, '0')}`,
					startDay,
					leftDay,
					goLiveDay,
					trainer: !!unit.trainers
				});
			}
		});
	});
	return out;
}
