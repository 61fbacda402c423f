import { describe, expect, it } from 'vitest';
import { parseRoster } from './parse';
import { countPlan, planRoster, type CurrentPerson, type RosterContext } from './plan';

const HEADER = 'workforce_id,name,email,unit,job_role,start_date,leaving_date';
const TRUST = 'Thameside Mental Health NHS Trust (demo)';

const person = (over: Partial<CurrentPerson>): CurrentPerson => ({
	id: 1,
	workforceId: 'TMH1',
	name: 'Someone',
	email: 'someone@nhs.test',
	unitId: 10,
	jobRole: 'mental-health-nurse',
	startDate: '2020-01-01',
	status: 'active',
	leftDate: null,
	leftByAdmin: false,
	...over
});

function context(over: Partial<RosterContext> = {}): RosterContext {
	return {
		organisation: { id: 1, name: TRUST },
		units: [
			{ id: 10, name: 'Willow Ward' },
			{ id: 11, name: 'Cedar Ward' },
			{ id: 12, name: 'Lambeth Liaison and Diversion Team' }
		],
		people: [
			person({ id: 1, workforceId: 'TMH1', name: 'Grace Mensah', email: 'grace@nhs.test' }),
			person({ id: 2, workforceId: 'TMH2', name: 'Kofi Boateng', email: 'kofi@nhs.test', unitId: 11, jobRole: 'ward-healthcare-assistant' }),
			person({ id: 3, workforceId: 'TMH3', name: 'Ewa Kowalski', email: 'ewa@nhs.test' }),
			person({ id: 4, workforceId: 'TMH4', name: 'Declan Murphy', email: 'declan@nhs.test', status: 'left', leftDate: '2025-06-30' }),
			person({ id: 5, workforceId: 'TMH5', name: 'Rosa Quinn', email: 'rosa@nhs.test', status: 'left', leftDate: '2025-06-30' }),
			person({ id: 6, workforceId: 'TMH6', name: 'Not In The File', email: 'absent@nhs.test' })
		],
		emailOwners: new Map([
			['grace@nhs.test', 1],
			['kofi@nhs.test', 2],
			['ewa@nhs.test', 3],
			['declan@nhs.test', 4],
			['rosa@nhs.test', 5],
			['officer@met.test', 99]
		]),
		importerIsAdmin: true,
		beyondImporter: new Map(),
		...over
	};
}

const plan = (lines: string[], ctx = context()) => {
	const parsed = parseRoster([HEADER, ...lines].join('\n'));
	if (!parsed.ok) throw new Error(parsed.message);
	return planRoster(parsed, ctx);
};

describe('planning a valid roster', () => {
	const result = plan([
		'TMH1,Grace Mensah,grace@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,',
		'TMH2,Kofi Boateng,KOFI@nhs.test, cedar ward ,Mental Health Nurse,2021-03-01,',
		'TMH3,Ewa Kowalski,ewa@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,2026-01-31',
		'TMH4,Declan Murphy,declan@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,',
		'TMH5,Rosa Quinn,rosa@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,2025-07-31',
		'TMH100,Aisha Ahmed,aisha@nhs.test,Lambeth Liaison and Diversion Team,liaison-diversion-practitioner,2026-02-02,',
		'TMH101,Already Gone,gone@nhs.test,Willow Ward,mental-health-nurse,2019-01-01,2024-12-31'
	]);

	it('sorts every row into exactly one kind, and has no problems', () => {
		expect(result.problems).toEqual([]);
		expect(result.planned.map((p) => [p.row.line, p.kind])).toEqual([
			[2, 'unchanged'],
			[3, 'update'],
			[4, 'leave'],
			[5, 'reinstate'],
			[6, 'update'],
			[7, 'create'],
			[8, 'not-added']
		]);
		expect(countPlan(result)).toMatchObject({ create: 1, update: 2, leave: 1, reinstate: 1, unchanged: 1, 'not-added': 1, problems: 0, toChange: 5 });
	});

	it('lists the fields that change, matching the unit and job role label without regard to capitals or spaces', () => {
		expect(result.planned[1]).toMatchObject({
			kind: 'update',
			personId: 2,
			changes: [
				{ field: 'jobRole', from: 'ward-healthcare-assistant', to: 'mental-health-nurse' },
				{ field: 'startDate', from: '2020-01-01', to: '2021-03-01' }
			]
		});
		expect(result.planned[4]).toMatchObject({ kind: 'update', personId: 5, changes: [{ field: 'leftDate', from: '2025-06-30', to: '2025-07-31' }] });
	});

	it('marks a leaver and reinstates someone back on the roster', () => {
		expect(result.planned[2]).toMatchObject({ kind: 'leave', personId: 3, changes: [{ field: 'leftDate', from: null, to: '2026-01-31' }] });
		expect(result.planned[3]).toMatchObject({ kind: 'reinstate', personId: 4, changes: [{ field: 'leftDate', from: '2025-06-30', to: null }] });
	});

	it('creates a new person with the ids the records use, and leaves people who are not in the file out of the plan', () => {
		expect(result.planned[5]).toEqual({
			kind: 'create',
			row: {
				line: 7,
				workforceId: 'TMH100',
				name: 'Aisha Ahmed',
				email: 'aisha@nhs.test',
				unitId: 12,
				jobRole: 'liaison-diversion-practitioner',
				startDate: '2026-02-02',
				leavingDate: null
			}
		});
		expect(result.planned.some((p) => 'personId' in p && p.personId === 6)).toBe(false);
	});

	it('keeps names that look like spreadsheet formulas exactly as text', () => {
		const formula = plan([
			'TMH200,=SUM(A1),sum@nhs.test,Willow Ward,mental-health-nurse,2026-01-01,',
			'TMH201,"+44 Cmd|\' /C calc\'!A0",cmd@nhs.test,Willow Ward,mental-health-nurse,2026-01-01,'
		]);
		expect(formula.problems).toEqual([]);
		expect(formula.planned.map((p) => p.row.name)).toEqual(['=SUM(A1)', "+44 Cmd|' /C calc'!A0"]);
	});
});

describe('bad rows', () => {
	it('reports every kind of bad row with the line it is on in the file', () => {
		const result = plan([
			/* 2 */ 'TMH100,Aisha Ahmed,aisha@nhs.test,Willow Ward,mental-health-nurse,2026-02-02,',
			/* 3 */ ',,,,,,',
			/* 4 */ 'TMH102,,,Willow Ward,,2026-02-02,',
			/* 5 */ `TMH103,${'A'.repeat(121)},long@nhs.test,Willow Ward,paramedic,2026-02-02,`,
			/* 6 */ 'TMH104,Bad Email,not-an-email,Willow Ward,paramedic,2026-02-02,',
			/* 7 */ 'TMH105,Wrong Unit,wrong@nhs.test,Cedar Wrd,paramedic,2026-02-02,',
			/* 8 */ 'TMH106,Wrong Role,role@nhs.test,Willow Ward,surgeon,2026-02-02,',
			/* 9 */ 'TMH107,Bad Date,date@nhs.test,Willow Ward,paramedic,2026-02-30,',
			/* 10 */ 'TMH108,Bad Order,order@nhs.test,Willow Ward,paramedic,2026-02-02,2026-02-01',
			/* 11 */ 'TMH109,Taken,grace@nhs.test,Willow Ward,paramedic,2026-02-02,',
			/* 12 */ 'TMH110,Elsewhere,Officer@Met.test,Willow Ward,paramedic,2026-02-02,',
			/* 13 */ 'TMH111,Twice,aisha@nhs.test,Willow Ward,paramedic,2026-02-02,',
			/* 14 */ 'TMH100,Same Id,same@nhs.test,Willow Ward,paramedic,2026-02-02,',
			/* 15 */ '"TMH112","Tab\tName",tab@nhs.test,Willow Ward,paramedic,2026-02-02,',
			/* 16 */ 'TMH 113!,Odd Id,odd@nhs.test,Willow Ward,paramedic,2026-02-02,',
			/* 17 */ 'TMH114,Slash Date,slash@nhs.test,Willow Ward,paramedic,14/03/2026,',
			/* 18 */ `${'X'.repeat(41)},Long Id,longid@nhs.test,Willow Ward,paramedic,2026-02-02,`,
			/* 19 */ 'TMH115,Too,few'
		]);
		expect(result.problems.map((p) => `Line ${p.line}: ${p.message}`)).toEqual([
			'Line 4: the name is missing; the email address is missing; the job role is missing',
			`Line 5: the name is longer than 120 characters`,
			'Line 6: email address "not-an-email" is not in the right format, like name@example.org',
			`Line 7: unit "Cedar Wrd" is not a unit of ${TRUST} (its units are Willow Ward, Cedar Ward, Lambeth Liaison and Diversion Team)`,
			'Line 8: job role "surgeon" is not a job role we know; use one of the ids or names listed in the roster format',
			'Line 9: the start date "2026-02-30" is not a real date written as YYYY-MM-DD, like 2026-03-14',
			'Line 10: the leaving date (2026-02-01) is before the start date (2026-02-02)',
			'Line 11: email address already belongs to someone else',
			'Line 12: email address already belongs to someone else',
			'Line 13: the same email address appears on line 2',
			'Line 14: the same workforce id appears on line 2',
			'Line 15: the name contains a control character, such as a tab or a line break inside the value',
			'Line 16: workforce id "TMH 113!" may contain only letters, numbers, spaces, hyphens and slashes',
			'Line 17: the start date "14/03/2026" is not a real date written as YYYY-MM-DD, like 2026-03-14',
			'Line 18: the workforce id is longer than 40 characters',
			'Line 19: this line has fewer values than the header row has columns (3 values; the header row has 7 columns).'
		]);
		// The all-empty row on line 3 is skipped as a blank line, and the good row is still planned.
		expect(result.planned.map((p) => p.row.line)).toEqual([2]);
		expect(result.rows).toBe(17);
	});

	it('allows a person to keep their own email address, and one address per person across the file', () => {
		const result = plan([
			'TMH1,Grace Mensah,GRACE@nhs.test,Cedar Ward,mental-health-nurse,2020-01-01,',
			'TMH2,Kofi Boateng,grace@nhs.test,Cedar Ward,mental-health-nurse,2020-01-01,'
		]);
		expect(result.problems).toEqual([{ line: 3, message: 'the same email address appears on line 2' }]);
		expect(result.planned).toMatchObject([{ kind: 'update', personId: 1, changes: [{ field: 'unitId', from: 10, to: 11 }] }]);
	});

	it('refuses an email address another row is moving away from, since the records still hold it', () => {
		const result = plan([
			'TMH1,Grace Mensah,grace.new@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,',
			'TMH300,New Person,grace@nhs.test,Willow Ward,mental-health-nurse,2026-01-01,'
		]);
		expect(result.problems).toEqual([{ line: 3, message: 'email address already belongs to someone else' }]);
	});

	it('does not list the units of an organisation that has many', () => {
		const units = Array.from({ length: 9 }, (_, i) => ({ id: 100 + i, name: `Unit ${i}` }));
		const result = plan(['TMH300,New Person,new@nhs.test,Nowhere,paramedic,2026-01-01,'], context({ units }));
		expect(result.problems).toEqual([{ line: 2, message: `unit "Nowhere" is not a unit of ${TRUST}` }]);
	});
});

describe('rows that need an administrator', () => {
	const asManager = (over: Partial<RosterContext> = {}) => context({ importerIsAdmin: false, ...over });
	const lines = [
		'TMH1,Grace Mensah,grace@nhs.test,Cedar Ward,mental-health-nurse,2020-01-01,',
		'TMH3,Ewa Kowalski,ewa@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,2026-01-31',
		'TMH4,Declan Murphy,declan@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,',
		'TMH2,Kofi Boateng,kofi@nhs.test,Cedar Ward,ward-healthcare-assistant,2021-03-01,'
	];

	it('holds back any change to someone with a role beyond the importer, and lets the rest through', () => {
		const result = plan(
			lines,
			asManager({
				beyondImporter: new Map([
					[1, ['partnership-lead', 'admin']],
					[3, ['admin']],
					[4, ['trainer']]
				])
			})
		);
		expect(result.problems).toEqual([]);
		expect(result.planned.map((p) => [p.kind, 'wanted' in p ? p.wanted : null])).toEqual([
			['needs-admin', 'update'],
			['needs-admin', 'leave'],
			['needs-admin', 'reinstate'],
			['update', null]
		]);
		expect(result.planned[0]).toMatchObject({
			reason: 'they hold an access role beyond yours (Partnership lead, Administrator), so only an administrator can change their record'
		});
		expect(countPlan(result)).toMatchObject({ update: 1, 'needs-admin': 3, toChange: 1 });
	});

	it('holds back reinstating someone an administrator marked as left, but not someone a manager did', () => {
		const people = context().people.map((p) => (p.id === 4 ? { ...p, leftByAdmin: true } : p));
		expect(plan([lines[2]], asManager({ people })).planned).toMatchObject([
			{ kind: 'needs-admin', reason: 'an administrator marked them as left, so only an administrator can reinstate them' }
		]);
		expect(plan([lines[2]], asManager()).planned).toMatchObject([{ kind: 'reinstate' }]);
		// An administrator's import reinstates them, whoever marked them as left.
		expect(plan([lines[2]], context({ people })).planned).toMatchObject([{ kind: 'reinstate' }]);
	});

	it('leaves unchanged rows, new people and rows with problems as they were', () => {
		const beyond = asManager({ beyondImporter: new Map([[1, ['admin']]]) });
		expect(plan(['TMH1,Grace Mensah,grace@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,'], beyond).planned).toMatchObject([{ kind: 'unchanged' }]);
		expect(plan(['TMH1,Grace Mensah,grace@nhs.test,Cedar Wrd,mental-health-nurse,2020-01-01,'], beyond).problems).toHaveLength(1);
	});
});
