/** What the scheduling form offers a trainer or training manager: only what they may choose. */
import { JOB_ROLES } from '$lib/organisation-model';
import { sessionOrganisations, type Principal } from '../access/policy';
import type { Framework } from '../competency/framework';
import type { Db } from '../db';
import type { FormValues } from '../forms/parse';
import { londonWallParts } from './london-time';
import { practicalCompetencies } from './lists';
import { organisationChoices, trainersOf, unitChoices, type SessionDetail } from './store';

export function sessionFormChoices(db: Db, framework: Framework, user: Principal) {
	const all = organisationChoices(db);
	const allowed = sessionOrganisations(user);
	const running = allowed === 'all' ? all : all.filter((o) => allowed.includes(o.id));
	const ids = running.map((o) => o.id);
	const practical = new Set(practicalCompetencies(framework));
	return {
		running,
		organisations: all,
		units: unitChoices(db, ids),
		trainers: trainersOf(db, ids),
		roles: JOB_ROLES.map((r) => ({ id: r.id, label: r.label })),
		// Practical competencies first: those are what sessions are for.
		competencies: [...framework.competencies]
			.sort((a, b) => Number(practical.has(b.id)) - Number(practical.has(a.id)))
			.map((c) => ({ id: c.id, title: c.title, practical: practical.has(c.id) }))
	};
}

/** The form's values for an existing session, as the fields take them. */
export function sessionFormValues(session: SessionDetail): FormValues {
	const start = londonWallParts(session.startsAt);
	const closes = londonWallParts(session.bookingClosesAt);
	return {
		organisationId: String(session.organisationId),
		title: session.title,
		venue: session.venue,
		date: start.date,
		startTime: start.time,
		endTime: londonWallParts(session.endsAt).time,
		closesDate: closes.date,
		closesTime: closes.time,
		capacity: String(session.capacity),
		competencyIds: session.competencyIds.join(','),
		trainerIds: session.trainerIds.join(','),
		audienceOrganisations: session.audience.organisations.join(','),
		audienceUnits: session.audience.units.join(','),
		audienceRoles: session.audience.roles.join(',')
	};
}
