import type { Db } from '../db';
import { withRefresher } from '../competency/learner';
import { modulesForRole } from '../content';
import type { TaskStatus } from '../../training-status';
import { moduleStatuses } from './progress';

/** The modules a person's job role includes, each with where the person is with it (a refresher when due again). */
export function roleModules(db: Db, person: { id: number; jobRole: string }, refresh: Map<string, TaskStatus>) {
	const statuses = moduleStatuses(db, person.id);
	return modulesForRole(person.jobRole).map((m) => ({
		module: m,
		href: `/modules/${m.slug}`,
		status: withRefresher(statuses.get(m.slug)?.status ?? 'not-started', `module:${m.slug}`, refresh)
	}));
}
