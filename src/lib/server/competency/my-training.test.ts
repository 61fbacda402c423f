import { describe, expect, it } from 'vitest';
import { addPersonOnTheirOwn, testDb } from '$testing/fixtures';
import { modulesForRole } from '../content';
import { getPerson } from '../people/repository';
import { myTraining } from './my-training';

const TODAY = '2026-03-10';

describe('My training, kept per person', () => {
	it('is the same object while nothing changes, and shows a change made by any writer at once', () => {
		const db = testDb();
		const { id } = addPersonOnTheirOwn(db, { jobRole: 'police-constable', startDate: '2026-01-05' });
		const person = getPerson(db, id)!;
		const slug = modulesForRole(person.jobRole)[0].slug;
		const statusOf = (t: ReturnType<typeof myTraining>) => t.modules.find((m) => m.href === `/modules/${slug}`)!.status;
		const first = myTraining(db, person, TODAY);
		expect(statusOf(first)).toBe('not-started');
		expect(myTraining(db, person, TODAY)).toBe(first);
		// Written as another server process would: nothing in this one is told.
		db.$client
			.prepare('insert into module_progress (person_id, module_slug, section_id, read_at) values (?, ?, ?, ?)')
			.run(id, slug, 'intro', Date.parse(`${TODAY}T09:00:00Z`));
		const after = myTraining(db, person, TODAY);
		expect(after).not.toBe(first);
		expect(statusOf(after)).toBe('in-progress');
	});

	it('is worked out again for a new day, job role or start date', () => {
		const db = testDb();
		const { id } = addPersonOnTheirOwn(db, { jobRole: 'police-constable', startDate: '2026-01-05' });
		const person = getPerson(db, id)!;
		const first = myTraining(db, person, TODAY);
		expect(myTraining(db, person, '2026-03-11')).not.toBe(first);
		expect(myTraining(db, { ...person, startDate: '2026-02-01' }, TODAY)).not.toBe(first);
		const nurse = myTraining(db, { ...person, jobRole: 'mental-health-nurse' }, TODAY);
		expect(nurse.modules.map((m) => m.href)).toEqual(modulesForRole('mental-health-nurse').map((m) => `/modules/${m.slug}`));
	});
});
