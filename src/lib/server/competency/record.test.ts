import { beforeEach, describe, expect, it } from 'vitest';
import { addPersonOnTheirOwn, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import type { Db } from '../db';
import { getPerson } from '../people/repository';
import { recordEvidence } from './ledger';
import { buildTrainingRecord, recordCsvRows } from './record';

const framework = testFramework();
const lookup = { moduleTitle: (s: string) => `Title of ${s}`, scenarioTitle: (s: string) => `Scenario ${s}` };

describe('the training record explains itself', () => {
	let db: Db;
	let personId: number;
	beforeEach(() => {
		db = testDb();
		personId = addPersonOnTheirOwn(db, { jobRole: 'mental-health-nurse' }).id;
	});
	const record = (source: { module: string } | { scenario: string }, day: string) =>
		recordEvidence(db, framework, { personId, source, version: '1.0.0', occurredOn: day, recordedBy: null, at: new Date(`${day}T12:00:00Z`) });
	const build = (asAt: string) => buildTrainingRecord(db, framework, getPerson(db, personId)!, asAt, false, lookup);
	const restraint = (r: ReturnType<typeof build>) => r.competencies.find((c) => c.id === 'safe-restraint')!;

	it('never shows an achievement after its expiry: parts never in date together are not achieved, as History says', () => {
		record({ module: 'restraint-safety' }, '2024-06-21'); // lapsed on 21 June 2025
		record({ scenario: 'ward-restraint-request' }, '2025-09-28');
		const r = build('2025-10-01');
		const c = restraint(r);
		expect(c).toMatchObject({ status: 'not-achieved', achievedOn: null, expiresOn: null, cycles: [] });
		expect(c.parts).toEqual([
			{ part: 'Module: Title of restraint-safety', status: 'expired', occurredOn: '2024-06-21', expiresOn: '2025-06-21' },
			{ part: 'Scenario pass: Scenario ward-restraint-request', status: 'current', occurredOn: '2025-09-28', expiresOn: '2026-09-28' }
		]);
		const csv = recordCsvRows(r).filter((row) => row[1] === c.title);
		expect(csv.slice(0, 3)).toEqual([
			['status', c.title, 'not-achieved', '', '', '', '', '', ''],
			['part', c.title, 'Module: Title of restraint-safety (expired)', '2024-06-21', '2025-06-21', '', '', '', ''],
			['part', c.title, 'Scenario pass: Scenario ward-restraint-request (current)', '2025-09-28', '2026-09-28', '', '', '', '']
		]);
		expect(csv.some((row) => row[0] === 'in-date-period')).toBe(false);
	});

	it('agrees with its History on every competency and date, and an as-at record lists no period after its date', () => {
		record({ module: 'restraint-safety' }, '2023-01-10');
		record({ scenario: 'ward-restraint-request' }, '2023-02-01');
		record({ module: 'restraint-safety' }, '2023-12-20'); // renewed in time
		record({ scenario: 'ward-restraint-request' }, '2024-01-15');
		record({ module: 'restraint-safety' }, '2025-08-01'); // after a lapse
		record({ scenario: 'ward-restraint-request' }, '2025-08-03');
		for (const asAt of ['2023-01-20', '2023-06-01', '2024-06-01', '2025-03-01', '2025-08-02', '2025-09-01']) {
			const r = build(asAt);
			for (const c of r.competencies) {
				for (const cy of c.cycles) expect(cy.achievedOn <= asAt, `${c.id} on ${asAt}`).toBe(true);
				const last = c.cycles.at(-1);
				expect({ achievedOn: c.achievedOn, expiresOn: c.expiresOn }, `${c.id} on ${asAt}`).toEqual(last ?? { achievedOn: null, expiresOn: null });
				if (c.achievedOn) expect(c.achievedOn < c.expiresOn!).toBe(true);
			}
		}
		expect(restraint(build('2024-06-01'))).toMatchObject({ status: 'current', achievedOn: '2023-02-01', expiresOn: '2024-12-20' });
		expect(restraint(build('2025-03-01'))).toMatchObject({ status: 'expired', achievedOn: '2023-02-01', expiresOn: '2024-12-20' });
		expect(restraint(build('2025-03-01')).cycles).toHaveLength(1);
		expect(restraint(build('2025-09-01'))).toMatchObject({ status: 'current', achievedOn: '2025-08-03', expiresOn: '2026-08-01' });
	});
});
