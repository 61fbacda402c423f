/**
 * The learner's record for a day (statusesOn, what /training shows), kept per person so that a request does not
 * re-read the whole ledger and re-derive every competency: kept while the person's learner version is unchanged
 * (db/person-cache.ts: every write to their evidence or statuses moves it, in any process). The job role, start
 * date, the due dates of their assigned training (given by the caller, and not by every caller) and the day are
 * part of the key. What is kept is what learnerOverview derives from the record (competencies, next step,
 * refreshers), so that a request re-derives none of it either; callers treat it as read-only.
 */
import { personCache } from '../db/person-cache';
import type { IsoDate } from './dates';
import type { Framework } from './framework';

const MAX_PEOPLE = 2000;

/** Per framework (tests load several). */
const caches = new WeakMap<Framework, ReturnType<typeof personCache<unknown>>>();

/** The person's record from `compute`, or the one kept for them while their version and key still match. */
export function cachedRecord<T>(
	db: object,
	framework: Framework,
	person: { id: number; jobRole: string; startDate?: string; assignedDueDates?: readonly { competencyId: string; dueOn: string }[] },
	today: IsoDate,
	compute: () => T
): T {
	let cache = caches.get(framework);
	if (!cache) caches.set(framework, (cache = personCache<unknown>(MAX_PEOPLE)));
	const assigned = person.assignedDueDates?.map((d) => `${d.competencyId}:${d.dueOn}`).join(',') ?? '';
	return cache.get(db, person.id, `${person.jobRole}|${person.startDate ?? ''}|${assigned}|${today}`, compute) as T;
}
