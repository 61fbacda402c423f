import { describe, expect, it } from 'vitest';
import { parseRoster } from './parse';
import { planRoster } from './plan';
import { reportOf, SHOWN_PER_LIST } from './report';

const HEADER = 'workforce_id,name,email,unit,job_role,start_date,leaving_date';
const units = [
	{ id: 10, name: 'Willow Ward' },
	{ id: 11, name: 'Cedar Ward' }
];
const existing = {
	id: 1,
	workforceId: 'W1',
	name: 'Ann',
	email: 'ann@x.test',
	unitId: 10,
	jobRole: 'mental-health-nurse',
	startDate: '2020-01-01',
	status: 'active' as const,
	leftDate: null,
	leftByAdmin: false
};

function report(lines: string[], beyondImporter = new Map<number, string[]>()) {
	const parsed = parseRoster([HEADER, ...lines].join('\n'));
	if (!parsed.ok) throw new Error(parsed.message);
	const plan = planRoster(parsed, {
		organisation: { id: 1, name: 'Trust' },
		units,
		people: [existing],
		emailOwners: new Map([['ann@x.test', 1]]),
		importerIsAdmin: beyondImporter.size === 0,
		beyondImporter
	});
	return reportOf({ ok: true, plan, fingerprint: 'f', ignoredColumns: [], units });
}

describe('the dry-run report', () => {
	it('names units and job roles, and says what each change is from and to', () => {
		const r = report(['W1,Ann,ann@x.test,Cedar Ward,ward-healthcare-assistant,2020-01-01,2026-01-31']);
		expect(r.leave.shown[0].changes).toEqual([
			{ field: 'Unit', from: 'Willow Ward', to: 'Cedar Ward' },
			{ field: 'Job role', from: 'Mental health nurse', to: 'Ward healthcare assistant' },
			{ field: 'Leaving date', from: 'none', to: '2026-01-31' }
		]);
	});

	it('keeps exact counts but shows only the first rows of a long list', () => {
		const lines = Array.from({ length: SHOWN_PER_LIST + 5 }, (_, i) => `N${i},Person ${i},p${i}@x.test,Willow Ward,paramedic,2025-01-01,`);
		const r = report(lines);
		expect(r.create.total).toBe(SHOWN_PER_LIST + 5);
		expect(r.create.shown).toHaveLength(SHOWN_PER_LIST);
		expect(r.create.shown[0]).toMatchObject({ line: 2, workforceId: 'N0', unit: 'Willow Ward', jobRole: 'Paramedic' });
		expect(r.counts).toMatchObject({ create: SHOWN_PER_LIST + 5, toChange: SHOWN_PER_LIST + 5 });
	});

	it('lists the rows that need an administrator, with what the file wanted and why', () => {
		const r = report(['W1,Ann,ann@x.test,Willow Ward,mental-health-nurse,2020-01-01,2026-01-31'], new Map([[1, ['admin']]]));
		expect(r.counts).toMatchObject({ leave: 0, 'needs-admin': 1, toChange: 0 });
		expect(r.needsAdmin).toEqual({
			total: 1,
			shown: [
				{
					line: 2,
					workforceId: 'W1',
					name: 'Ann',
					wanted: 'Mark as left',
					reason: 'they hold an access role beyond yours (Administrator), so only an administrator can change their record'
				}
			]
		});
	});
});
