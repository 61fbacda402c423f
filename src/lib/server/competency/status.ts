import { addMonths, type IsoDate } from './dates';
import type { Requirement } from './framework';
import { statusFor, type CompetencyStatus } from './status-rule';

/** One piece of evidence as the derivation needs it: what it was and the date it happened. */
export type EvidenceFact = { kind: 'module' | 'scenario' | 'observed'; ref: string; occurredOn: IsoDate };

export type StatusOnDate = {
	status: CompetencyStatus;
	/** When the current set of evidence became complete. */
	achievedOn: IsoDate | null;
	/** The first day it is no longer current: the earliest expiry among the requirements. */
	expiresOn: IsoDate | null;
	/** Requirements with no evidence in date on this day, or expiring within the due-soon window. */
	outstanding: Requirement[];
};

function matches(requirement: Requirement, fact: EvidenceFact) {
	switch (requirement.kind) {
		case 'module':
			return fact.kind === 'module' && fact.ref === requirement.module;
		case 'scenario':
			return fact.kind === 'scenario' && requirement.scenarios.includes(fact.ref);
		case 'observed':
			return fact.kind === 'observed';
	}
}

/**
 * A competency is current on a date when every requirement has evidence on or before that date that is
 * younger than the refresher period. Pure: the same ledger and date always give the same answer.
 */
export function statusOn(requirements: Requirement[], months: number, facts: EvidenceFact[], date: IsoDate): StatusOnDate {
	const latest = requirements.map((r) => {
		let best: IsoDate | null = null;
		for (const f of facts) if (f.occurredOn <= date && matches(r, f) && (!best || f.occurredOn > best)) best = f.occurredOn;
		return { requirement: r, latest: best, expiresOn: best ? addMonths(best, months) : null };
	});
	const outstanding = latest.filter((l) => statusFor(l.expiresOn, date) !== 'current').map((l) => l.requirement);
	if (latest.some((l) => !l.latest)) return { status: 'not-achieved', achievedOn: null, expiresOn: null, outstanding };
	const expiresOn = latest.map((l) => l.expiresOn!).sort()[0];
	const achievedOn = latest
		.map((l) => l.latest!)
		.sort()
		.at(-1)!;
	return { status: statusFor(expiresOn, date), achievedOn, expiresOn, outstanding };
}

export type Cycle = { achievedOn: IsoDate; expiresOn: IsoDate };

/** Every cycle of currency the ledger shows, oldest first: each achievement or renewal with its expiry. */
export function cyclesOf(requirements: Requirement[], months: number, facts: EvidenceFact[]): Cycle[] {
	const points = [...new Set(facts.flatMap((f) => [f.occurredOn, addMonths(f.occurredOn, months)]))].sort();
	const cycles: Cycle[] = [];
	for (const p of points) {
		const s = statusOn(requirements, months, facts, p);
		if (s.status !== 'current' && s.status !== 'due-soon') continue;
		const last = cycles.at(-1);
		if (!last || last.achievedOn !== s.achievedOn || last.expiresOn !== s.expiresOn) cycles.push({ achievedOn: s.achievedOn!, expiresOn: s.expiresOn! });
	}
	return cycles;
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
