import { requireUser } from '$lib/server/access/guards';
import { assignedToYou, nextWithAssignments } from '$lib/server/assignments/page';
import { assignedDueDates } from '$lib/server/assignments/person-assignments';
import { openAssignmentsOf } from '$lib/server/assignments/store';
import { contentLookup, getFramework, scenariosForRole } from '$lib/server/content';
import { learnerOverview, withRefresher } from '$lib/server/competency/learner';
import { getDb } from '$lib/server/db';
import { serverRendered } from '$lib/server-rendered';
import { roleModules } from '$lib/server/modules/role-modules';
import { getPerson } from '$lib/server/people/repository';
import { scenarioStatuses } from '$lib/server/scenarios/runs-store';
import type { PageServerLoad } from './$types';

// Links and text only: no JavaScript is sent, and the data is not serialised into the page (src/lib/server-rendered.ts).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const person = getPerson(db, user.id)!;
	const framework = getFramework();
	// Assigned training: the learner's own open rows (one indexed read), and the due dates they give.
	const assigned = assignedToYou({ framework, lookup: contentLookup }, openAssignmentsOf(db, user.id));
	const overview = learnerOverview(db, framework, { ...person, assignedDueDates: assigned.length ? assignedDueDates(db, user.id) : [] }, contentLookup);
	const modules = roleModules(db, person, overview.refresh).map(({ module, href, status }) => ({
		href,
		title: module.meta.title,
		meta: `About ${module.meta.minutes} minutes`,
		status
	}));
	const scenarioStatus = scenarioStatuses(db, user.id);
	const scenarios = scenariosForRole(user.jobRole).map((s) => ({
		href: `/scenarios/${s.slug}`,
		title: s.meta.title,
		meta: `About ${s.meta.minutes} minutes`,
		status: withRefresher(scenarioStatus.get(s.slug) ?? 'not-started', `scenario:${s.slug}`, overview.refresh)
	}));
	const first = nextWithAssignments(overview.next, assigned);
	return {
		training: serverRendered(event, {
			person,
			modules,
			scenarios,
			competencies: overview.competencies,
			next: first.next,
			nextAssignment: first.assignment,
			assigned
		})
	};
};
