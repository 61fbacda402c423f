import type { Db } from '../db';
import type { TaskStatus } from '../../training-status';
import { londonToday, type IsoDate } from './dates';
import type { Framework, Requirement } from './framework';
import { statusesOn } from './ledger';

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
export function learnerOverview(db: Db, framework: Framework, person: { id: number; jobRole: string }, lookup: ContentLookup, today: IsoDate = londonToday()) {
	const record = statusesOn(db, framework, person, today);
	const refresh = new Map<string, Extract<TaskStatus, 'refresher-due' | 'overdue'>>();
	for (const c of record) {
		if (c.status !== 'due-soon' && c.status !== 'expired') continue;
		for (const r of c.outstanding) {
			const keys = r.kind === 'module' ? [`module:${r.module}`] : r.kind === 'scenario' ? r.scenarios.map((s) => `scenario:${s}`) : [];
			for (const key of keys) if (refresh.get(key) !== 'overdue') refresh.set(key, c.status === 'expired' ? 'overdue' : 'refresher-due');
		}
	}
	return {
		competencies: record.map((c) => ({
			id: c.competency.id,
			title: c.competency.title,
			status: c.status,
			achievedOn: c.achievedOn,
			expiresOn: c.expiresOn,
			months: c.months,
			outstanding: c.outstanding.flatMap((r) => describe(r, lookup)),
			needs: competencyNeeds(c.requirements, c.outstanding, lookup)
		})),
		/** Completed work that is due again: `module:<slug>` or `scenario:<slug>` → status. */
		refresh
	};
}

/** A completed task shows as a refresher when its competency is due soon or expired. */
export function withRefresher(status: TaskStatus, key: string, refresh: Map<string, TaskStatus>): TaskStatus {
	return status === 'completed' ? (refresh.get(key) ?? status) : status;
}
