import { addMonths, type IsoDate } from './dates';
import type { Requirement } from './framework';
import { statusFor, type CompetencyStatus } from './status-rule';

/** One piece of evidence as the derivation needs it: what it was and the date it happened. */
export type EvidenceFact = { kind: EvidenceKind; ref: string; occurredOn: IsoDate };
/** Where evidence came from. Prior learning is recognised for a whole competency, so it meets every part of it. */
export type EvidenceKind = 'module' | 'scenario' | 'observed' | 'prior-learning';

/** One part of a competency (a module, a scenario, an observed assessment) on a date: its latest evidence and when that lapses. */
export type PartOnDate = { requirement: Requirement; occurredOn: IsoDate | null; expiresOn: IsoDate | null; status: CompetencyStatus };

/** A period in which every part of a competency was in date together: from `achievedOn` up to, not including, `expiresOn`. */
export type Cycle = { achievedOn: IsoDate; expiresOn: IsoDate };

/** A competency's status on a day with what it needs to be named: the competency, and its induction due date. */
type NamedStatus = Pick<StatusOnDate, 'status' | 'achievedOn' | 'expiresOn'> & { competency: { id: string; title: string }; dueOn: IsoDate | null };

/**
 * A competency's standing as My training and the training record both show it: which competency, its status, in date
 * since (`achievedOn`), until (`expiresOn`), and the date it is due by under an induction plan while not yet achieved.
 */
export function standing(c: NamedStatus) {
	return { id: c.competency.id, title: c.competency.title, status: c.status, achievedOn: c.achievedOn, expiresOn: c.expiresOn, dueOn: c.dueOn };
}

export type StatusOnDate = {
	status: CompetencyStatus;
	/**
	 * "In date since": the first day of the latest period, begun on or before the date, in which all parts were in
	 * date together (renewals in time continue a period). Null when the parts were never in date together.
	 */
	achievedOn: IsoDate | null;
	/** The end of that period: while it runs, the earliest expiry among the parts; once over, the day it lapsed. */
	expiresOn: IsoDate | null;
	/** Each part with its own latest date and expiry. */
	parts: PartOnDate[];
	/** Requirements with no evidence in date on this day, or expiring within the due-soon window. */
	outstanding: Requirement[];
};

function matches(requirement: Requirement, fact: EvidenceFact) {
	// Learning done elsewhere, approved by a manager for this competency, stands in for each of its parts.
	if (fact.kind === 'prior-learning') return true;
	switch (requirement.kind) {
		case 'module':
			return fact.kind === 'module' && fact.ref === requirement.module;
		case 'scenario':
			return fact.kind === 'scenario' && requirement.scenarios.includes(fact.ref);
		case 'observed':
			return fact.kind === 'observed';
	}
}

/** The days one part was in date: each piece of evidence covers `months` from its date; overlapping or touching spans join. */
function partPeriods(requirement: Requirement, months: number, facts: EvidenceFact[], upTo: IsoDate | null): Cycle[] {
	const starts = facts.filter((f) => (upTo == null || f.occurredOn <= upTo) && matches(requirement, f)).map((f) => f.occurredOn);
	starts.sort();
	const periods: Cycle[] = [];
	for (const start of starts) {
		const end = addMonths(start, months);
		const last = periods.at(-1);
		if (last && start <= last.expiresOn) {
			if (end > last.expiresOn) last.expiresOn = end;
		} else periods.push({ achievedOn: start, expiresOn: end });
	}
	return periods;
}

/** The days in both lists of disjoint, ordered periods. */
function intersect(a: Cycle[], b: Cycle[]): Cycle[] {
	const out: Cycle[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const start = a[i].achievedOn > b[j].achievedOn ? a[i].achievedOn : b[j].achievedOn;
		const end = a[i].expiresOn < b[j].expiresOn ? a[i].expiresOn : b[j].expiresOn;
		if (start < end) out.push({ achievedOn: start, expiresOn: end });
		if (a[i].expiresOn < b[j].expiresOn) i++;
		else j++;
	}
	return out;
}

/**
 * Every period in which all parts of the competency were in date together, oldest first, from the evidence dated
 * on or before `upTo` (all of it when null): what History shows, and what the status on a date is read from.
 */
export function cyclesOf(requirements: Requirement[], months: number, facts: EvidenceFact[], upTo: IsoDate | null = null): Cycle[] {
	if (!requirements.length) return [];
	return requirements.map((r) => partPeriods(r, months, facts, upTo)).reduce(intersect);
}

/**
 * A competency is current on a date when every part has evidence on or before that date that is younger than the
 * refresher period. Its dates are those of the latest period of its history up to that date, so the record and
 * History always agree. Pure: the same ledger and date always give the same answer.
 */
export function statusOn(requirements: Requirement[], months: number, facts: EvidenceFact[], date: IsoDate): StatusOnDate {
	const parts = requirements.map((requirement): PartOnDate => {
		let occurredOn: IsoDate | null = null;
		for (const f of facts) if (f.occurredOn <= date && matches(requirement, f) && (!occurredOn || f.occurredOn > occurredOn)) occurredOn = f.occurredOn;
		const expiresOn = occurredOn ? addMonths(occurredOn, months) : null;
		return { requirement, occurredOn, expiresOn, status: statusFor(expiresOn, date) };
	});
	const outstanding = parts.filter((p) => p.status !== 'current').map((p) => p.requirement);
	const last = cyclesOf(requirements, months, facts, date).at(-1);
	if (!last) return { status: 'not-achieved', achievedOn: null, expiresOn: null, parts, outstanding };
	return { status: statusFor(last.expiresOn, date), achievedOn: last.achievedOn, expiresOn: last.expiresOn, parts, outstanding };
}

/** Ledger rows as stored: append-only, with voids that point at earlier rows. */
export type LedgerRow = EvidenceFact & { id: number; recordedAt: Date; voidsId: number | null };

/**
 * The facts the ledger held at `knownAt`: entries recorded by then, minus those voided by then.
 * With `knownAt` = now this is today's best knowledge; with the end of a past day it is the record as it stood.
 */
export function effectiveFacts(rows: LedgerRow[], knownAt: Date): EvidenceFact[] {
	const known = rows.filter((r) => r.recordedAt.getTime() <= knownAt.getTime());
	const voided = new Set(known.filter((r) => r.voidsId != null).map((r) => r.voidsId));
	return known.filter((r) => r.voidsId == null && !voided.has(r.id)).map(({ kind, ref, occurredOn }) => ({ kind, ref, occurredOn }));
}
