/**
 * The learner's record for a day (statusesOn, what /training shows), kept per person in a small LRU so that a
 * request does not re-read the whole ledger and re-derive every competency. Several server processes (and next,
 * several instances) write evidence, so a kept record is never trusted blindly: it is used only while its stamp
 * still matches, read by one indexed query each time: the person's evidence count and newest id (the ledger is
 * append-only, so these change with every new or voiding row) and when their stored statuses were last refreshed
 * (refreshPerson touches them all, whatever changed). The job role, start date, the due dates of their assigned
 * training (given by the caller, and not by every caller) and the day are part of the key.
 * refreshPerson also forgets the person here, in its own process, at once.
 * What is kept is what learnerOverview derives from the record (competencies, next step, refreshers), so that a
 * request re-derives none of it either; callers treat it as read-only.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../db';
import { connectionOf, statementsFor } from '../db/prepared';
import type { IsoDate } from './dates';
import type { Framework } from './framework';

const MAX_PEOPLE = 2000;

type Entry = { key: string; value: unknown };
/** Per connection and framework (tests open many of each), people's records in least-recently-used order. */
const caches = new WeakMap<object, WeakMap<Framework, Map<number, Entry>>>();
/** People whose record changed in this process since they were kept: forgotten on their next read. */
const forgotten = new Set<number>();

function stampOf(db: Db, personId: number): string {
	const q = statementsFor(db, 'record-cache', (c: Database.Database) => ({
		stamp: c.prepare(
			`select count(*) as n, max(id) as last, (select max(updated_at) from competency_status where person_id = @id) as touched
			 from evidence where person_id = @id`
		)
	}));
	const s = q.stamp.get({ id: personId }) as { n: number; last: number | null; touched: number | null };
	return `${s.n}/${s.last}/${s.touched}`;
}

/** The person's record from `compute`, or the one kept for them while its stamp and key still match. */
export function cachedRecord<T>(
	db: Db,
	framework: Framework,
	person: { id: number; jobRole: string; startDate?: string; assignedDueDates?: readonly { competencyId: string; dueOn: string }[] },
	today: IsoDate,
	compute: () => T
): T {
	// Inside a transaction the rows may yet be rolled back: never kept.
	if (connectionOf(db).inTransaction) return compute();
	let byFramework = caches.get(connectionOf(db));
	if (!byFramework) caches.set(connectionOf(db), (byFramework = new WeakMap()));
	let people = byFramework.get(framework);
	if (!people) byFramework.set(framework, (people = new Map()));
	if (forgotten.delete(person.id)) people.delete(person.id);
	const assigned = person.assignedDueDates?.map((d) => `${d.competencyId}:${d.dueOn}`).join(',') ?? '';
	const key = `${person.jobRole}|${person.startDate ?? ''}|${assigned}|${today}|${stampOf(db, person.id)}`;
	const kept = people.get(person.id);
	people.delete(person.id);
	const value = kept && kept.key === key ? (kept.value as T) : compute();
	people.set(person.id, { key, value });
	if (people.size > MAX_PEOPLE) people.delete(people.keys().next().value!);
	return value;
}

/** Called by refreshPerson: the person's record has changed (or is about to), so the kept one goes. */
export function forgetRecord(personId: number): void {
	forgotten.add(personId);
	if (forgotten.size > 100_000) forgotten.clear();
}
