import { describe, expect, it } from 'vitest';
import { addPersonOnTheirOwn, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { recordEvidence, refreshPerson, statusesOn } from './ledger';
import { cachedRecord } from './record-cache';
import { learnerOverview } from './learner';

const framework = testFramework();
const TODAY = '2026-03-10';
const lookup = { moduleTitle: () => undefined, scenarioTitle: () => undefined };

function world() {
	const db = testDb();
	const person = addPersonOnTheirOwn(db, { jobRole: 'mental-health-nurse', startDate: '2020-01-01' });
	refreshPerson(db, framework, person.id, new Date('2026-03-01T12:00:00Z'));
	let computed = 0;
	const read = (p: { id: number; jobRole: string; startDate?: string } = person, today = TODAY) =>
		cachedRecord(db, framework, p, today, () => (computed++, statusesOn(db, framework, p, today)));
	return { db, person, read, computed: () => computed };
}

/** The person completes the restraint safety module, through the ledger in this process. */
const completeRestraintModule = ({ db, person }: ReturnType<typeof world>) =>
	recordEvidence(db, framework, {
		personId: person.id,
		source: { module: 'restraint-safety' },
		version: '1.0.0',
		occurredOn: '2026-03-09',
		recordedBy: person.id,
		at: new Date('2026-03-09T12:00:00Z')
	});

const restraint = (record: ReturnType<typeof statusesOn>) => record.find((r) => r.competency.id === 'safe-restraint')!;

describe("the learner's kept record", () => {
	it('derives once, then answers from what it kept while nothing about the person changes', () => {
		const w = world();
		const first = w.read();
		expect(w.read()).toBe(first);
		expect(w.computed()).toBe(1);
		expect(first).toEqual(statusesOn(w.db, framework, w.person, TODAY));
	});

	it('derives again after new evidence through the ledger', () => {
		const w = world();
		const before = restraint(w.read());
		expect(before.outstanding.some((r) => r.kind === 'module')).toBe(true);
		completeRestraintModule(w);
		const after = restraint(w.read());
		expect(w.computed()).toBe(2);
		expect(after.outstanding.some((r) => r.kind === 'module')).toBe(false);
		expect(after).toEqual(restraint(statusesOn(w.db, framework, w.person, TODAY)));
	});

	it('notices a change written by another process (its learner version moved), without being told', () => {
		const w = world();
		w.read();
		// What another server process's recordEvidence leaves behind: a ledger row, and the statuses touched.
		w.db.$client
			.prepare(
				"insert into evidence (person_id, competency_id, kind, ref, content_version, occurred_on, recorded_at, recorded_by) values (?, 'safe-restraint', 'module', 'restraint-safety', '1.0.0', '2026-03-09', ?, ?)"
			)
			.run(w.person.id, Date.parse('2026-03-09T12:00:00Z'), w.person.id);
		const after = restraint(w.read());
		expect(w.computed()).toBe(2);
		expect(after.outstanding.some((r) => r.kind === 'module')).toBe(false);
		// A refresh elsewhere that changed no evidence (say, a new start date's due dates) also moves the version.
		w.db.$client.prepare('update competency_status set updated_at = updated_at + 1 where person_id = ?').run(w.person.id);
		w.read();
		expect(w.computed()).toBe(3);
	});

	it('keeps a record per job role, start date and day', () => {
		const w = world();
		w.read();
		w.read({ ...w.person, jobRole: 'police-constable' });
		w.read({ ...w.person, startDate: '2026-02-01' });
		w.read(w.person, '2026-03-11');
		expect(w.computed()).toBe(4);
		w.read(w.person, '2026-03-11');
		expect(w.computed()).toBe(4);
	});

	it('keeps a record per set of assigned due dates: a caller that passes none never answers for one that does', () => {
		const w = world();
		const withoutAssignments = learnerOverview(w.db, framework, w.person, lookup, TODAY);
		const assigned = { ...w.person, assignedDueDates: [{ competencyId: 'safe-restraint', dueOn: '2026-03-01' }] };
		const withAssignments = learnerOverview(w.db, framework, assigned, lookup, TODAY);
		expect(withAssignments).not.toBe(withoutAssignments);
		const status = (o: typeof withAssignments) => o.competencies.find((c) => c.id === 'safe-restraint')!.status;
		expect(status(withAssignments)).toBe('overdue');
		expect(status(withoutAssignments)).not.toBe('overdue');
		expect(learnerOverview(w.db, framework, assigned, lookup, TODAY)).toBe(withAssignments);
	});

	it('keeps the derived overview: the same object while nothing changes, a new one after new evidence', () => {
		const w = world();
		const first = learnerOverview(w.db, framework, w.person, lookup, TODAY);
		expect(learnerOverview(w.db, framework, w.person, lookup, TODAY)).toBe(first);
		completeRestraintModule(w);
		const after = learnerOverview(w.db, framework, w.person, lookup, TODAY);
		expect(after).not.toBe(first);
		expect(after.competencies.find((c) => c.id === 'safe-restraint')!.outstanding.some((o) => o.href === '/modules/restraint-safety')).toBe(false);
	});

	it('is what My training shows', () => {
		const w = world();
		const overview = learnerOverview(w.db, framework, w.person, lookup, TODAY);
		expect(overview.competencies.map((c) => [c.id, c.status])).toEqual(statusesOn(w.db, framework, w.person, TODAY).map((r) => [r.competency.id, r.status]));
	});
});
