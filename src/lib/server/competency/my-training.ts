import { assignedToYou, nextWithAssignments } from '../assignments/page';
import { assignedDueDates } from '../assignments/person-assignments';
import { openAssignmentsOf } from '../assignments/store';
import { contentLookup, getFramework, scenariosForRole } from '../content';
import type { Db } from '../db';
import { personCache } from '../db/person-cache';
import { roleModules } from '../modules/role-modules';
import { scenarioStatuses } from '../scenarios/runs-store';
import { londonToday } from './dates';
import { learnerOverview, withRefresher } from './learner';

type Learner = { id: number; jobRole: string; startDate: string };

/**
 * Everything My training shows about a learner's own training: their modules and scenarios with where they are
 * with each, their competencies, the assigned training still open and what to do next. Kept per person while
 * nothing about their training changes (db/person-cache.ts), so a learner coming back to the page costs one read.
 */
export function myTraining(db: Db, person: Learner, today = londonToday()) {
	return kept.get(db, person.id, `${person.jobRole}|${person.startDate}|${today}`, () => derive(db, person, today));
}

const kept = personCache<ReturnType<typeof derive>>(2000);

function derive(db: Db, person: Learner, today: string) {
	const framework = getFramework();
	// Assigned training: the learner's own open rows (one indexed read), and the due dates they give.
	const assigned = assignedToYou({ framework, lookup: contentLookup }, openAssignmentsOf(db, person.id, today));
	const overview = learnerOverview(
		db,
		framework,
		{ ...person, assignedDueDates: assigned.length ? assignedDueDates(db, person.id) : [] },
		contentLookup,
		today
	);
	const modules = roleModules(db, person, overview.refresh).map(({ module, href, status }) => ({
		href,
		title: module.meta.title,
		meta: `About ${module.meta.minutes} minutes`,
		status
	}));
	const scenarioStatus = scenarioStatuses(db, person.id);
	const scenarios = scenariosForRole(person.jobRole).map((s) => ({
		href: `/scenarios/${s.slug}`,
		title: s.meta.title,
		meta: `About ${s.meta.minutes} minutes`,
		status: withRefresher(scenarioStatus.get(s.slug) ?? 'not-started', `scenario:${s.slug}`, overview.refresh)
	}));
	const first = nextWithAssignments(overview.next, assigned);
	return { modules, scenarios, competencies: overview.competencies, next: first.next, nextAssignment: first.assignment, assigned };
}
