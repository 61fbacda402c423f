import { describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { checkRoster } from './dry-run';
import { inThreadTasks, workerTasks } from './tasks';

const ADMIN = { isAdmin: true, organisationIds: [] };
const bytes = (...lines: string[]) => new TextEncoder().encode(['workforce_id,name,email,unit,job_role,start_date,leaving_date', ...lines].join('\n') + '\n');

describe('roster steps in a worker thread', () => {
	it('read and plan a file in a worker exactly as on the request thread', async () => {
		const db = testDb();
		const org = addOrganisation(db, 'Thameside Mental Health NHS Trust (demo)', 'nhs');
		const willow = addUnit(db, org.id, 'Willow Ward');
		addPerson(db, willow, { workforceId: 'TMH1', name: 'Grace Mensah', email: 'grace@nhs.test', jobRole: 'mental-health-nurse', startDate: '2020-01-01' });
		const file = bytes(
			'TMH1,Grace Mensah,grace@nhs.test,Willow Ward,ward-healthcare-assistant,2020-01-01,',
			'TMH2,Kofi Boateng,kofi@nhs.test,Willow Ward,mental-health-nurse,2021-03-01,',
			'TMH3,Bad Row,not-an-email,Cedar Wrd,mental-health-nurse,2021-03-01,'
		);
		const inWorker = await checkRoster(db, org.id, file, ADMIN, workerTasks);
		expect(inWorker).toEqual(await checkRoster(db, org.id, file, ADMIN, inThreadTasks));
		expect(inWorker).toMatchObject({ ok: true, report: { counts: { create: 1, update: 1, problems: 1 }, problems: { shown: [{ line: 4 }] } } });
		expect(await checkRoster(db, org.id, new TextEncoder().encode('name\nAnn\n'), ADMIN, workerTasks)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/missing "workforce_id"/)
		});
	});
});
