import type { Db } from '../db';
import type { TaskStatus } from '../../training-status';
import { londonToday, type IsoDate } from './dates';
import type { Framework, Requirement } from './framework';
import { planOrder } from './induction-plans';
import { statusesOn, type PersonForRecord } from './ledger';
import { standing } from './status';
import { overdueSince } from './status-rule';
import { cachedRecord } from './record-cache';

export type ContentLookup = {
	moduleTitle: (slug: string) => string | undefined;
	scenarioTitle: (slug: string) => string | undefined;
};

export type OutstandingItem = { label: string; href: string | null };
/** One thing a competency needs, and whether the person has it in date now. */
export type NeedItem = OutstandingItem & { met: boolean };

function describe(requirement: Requirement, lookup: ContentLookup): OutstandingItem[] {
	switch (requirement.kind) {
		case 'module':
			return [{ label: `Complete the module “${lookup.moduleTitle(requirement.module) ?? requirement.module}”`, href: `/modules/${requirement.module}` }];
		case 'scenario':
			return requirement.scenarios.map((s) => ({ label: `Pass the scenario “${lookup.scenarioTitle(s) ?? s}”`, href: `/scenarios/${s}` }));
		case 'observed':
			return [{ label: 'Be observed in a practical assessment and signed off by a trainer', href: null }];
	}
}

/** Every requirement of a competency, each marked met (in date) or not yet: what the competency still needs. */
export function competencyNeeds(requirements: Requirement[], outstanding: Requirement[], lookup: ContentLookup): NeedItem[] {
	const missing = new Set(outstanding.map((r) => r.key));
	return requirements.flatMap((r) => describe(r, lookup).map((item) => ({ ...item, met: !missing.has(r.key) })));
}

/**
 * What the learner sees on My training: each competency their role needs, what is left for it, and
 * which completed modules and scenarios have come back round as refreshers.
 */
export function learnerOverview(db: Db, framework: Framework, person: PersonForRecord, lookup: ContentLookup, today: IsoDate = londonToday()) {
	// Kept per person while their evidence and statuses are unchanged (record-cache.ts): the derived overview too.
	return cachedRecord(db, framework, person, today, () => overviewOf(statusesOn(db, framework, person, today), framework, person, lookup));
}

function overviewOf(record: ReturnType<typeof statusesOn>, framework: Framework, person: PersonForRecord, lookup: ContentLookup) {
	const competencies = record.map((c) => ({
		...standing(c),
		overdueSince: c.status === 'overdue' && c.dueOn ? overdueSince(c.dueOn) : null,
		months: c.months,
		outstanding: c.outstanding.flatMap((r) => describe(r, lookup)),
		needs: competencyNeeds(c.requirements, c.outstanding, lookup)
	}));
	const refresh = new Map<string, Extract<TaskStatus, 'refresher-due' | 'overdue'>>();
	for (const c of record) {
		if (c.status !== 'due-soon' && c.status !== 'expired') continue;
		for (const r of c.outstanding) {
			const keys = r.kind === 'module' ? [`module:${r.module}`] : r.kind === 'scenario' ? r.scenarios.map((s) => `scenario:${s}`) : [];
			for (const key of keys) if (refresh.get(key) !== 'overdue') refresh.set(key, c.status === 'expired' ? 'overdue' : 'refresher-due');
		}
	}
	return {
		competencies,
		next: nextStep(competencies, planOrder(framework.induction, person.jobRole)),
		/** Completed work that is due again: `module:<slug>` or `scenario:<slug>` → status. */
		refresh
	};
}

type OverviewCompetency = { id: string; title: string; status: string; dueOn: IsoDate | null; expiresOn: IsoDate | null; outstanding: OutstandingItem[] };

/**
 * "Do this next": the first competency of the induction plan, in the plan's order, not yet achieved; failing that,
 * the competency that expired first; failing that, the one expiring soonest within the due-soon window.
 * Its first outstanding item is the thing to do.
 */
export function nextStep<C extends OverviewCompetency>(competencies: C[], order: Map<string, number>): { competency: C; item: OutstandingItem } | null {
	const unachieved = competencies
		.filter((c) => (c.status === 'overdue' || c.status === 'not-achieved') && order.has(c.id))
		.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
	const byExpiry = (status: string) => competencies.filter((c) => c.status === status).sort((a, b) => (a.expiresOn ?? '').localeCompare(b.expiresOn ?? ''));
	for (const c of [...unachieved, ...byExpiry('expired'), ...byExpiry('due-soon')]) {
		const item = c.outstanding.find((i) => i.href) ?? c.outstanding[0];
		if (item) return { competency: c, item };
	}
	return null;
}

/** A completed task shows as a refresher when its competency is due soon or expired. */
export function withRefresher(status: TaskStatus, key: string, refresh: Map<string, TaskStatus>): TaskStatus {
	return status === 'completed' ? (refresh.get(key) ?? status) : status;
}
