/**
 * Keeps the stored due dates (competency_status.due_on) in step with the induction plans and open assigned training. refreshPerson writes
 * a person's due dates whenever their evidence, job role or start date changes; a change to the plans themselves
 * (a deploy with a new content/induction-plans.yaml) changes the due dates of everyone in a role at once, so at
 * start-up the plans' fingerprint is compared with the one the stored dates were worked out from, and on a
 * difference every due date is worked out again in one transaction.
 */
import type { Db } from '../db';
import { disableAggregates } from '../reporting/aggregates';
import type { Framework } from './framework';

/**
 * Brings every stored due date down to the earliest due date of the person's open assignments counting towards
 * that competency (the rule of assignments/rules.ts mergeDueDates, over everyone at once).
 */
function applyAssignedDueDates(db: Db): number {
	return db.$client
		.prepare(
			`with assigned as (
				select ap.person_id, ac.competency_id, min(ap.due_on) as due_on
				from assignment_people ap
				join assignments a on a.id = ap.assignment_id
				join assignment_competencies ac on ac.assignment_id = ap.assignment_id
				where ap.met_at is null and a.cancelled_at is null
				group by ap.person_id, ac.competency_id
			)
			update competency_status set due_on = (select due_on from assigned where assigned.person_id = competency_status.person_id and assigned.competency_id = competency_status.competency_id)
			where exists (select 1 from assigned where assigned.person_id = competency_status.person_id and assigned.competency_id = competency_status.competency_id
				and (competency_status.due_on is null or assigned.due_on < competency_status.due_on))`
		)
		.run().changes;
}

type Outcome = { status: 'current' } | { status: 'updated'; rows: number };

/**
 * Works out every stored due date again when the plans changed since the last time (or `force`, after a bulk load
 * that wrote statuses without them). The dashboard aggregates are switched off for the update and rebuilt by the
 * next ensureAggregates: one count instead of a trigger run per changed row.
 */
export function syncDueDates(db: Db, framework: Framework, options: { force?: boolean } = {}): Outcome {
	const c = db.$client;
	const plans = framework.induction;
	const stored = () => c.prepare('select induction_plans from compliance_state where id = 1').pluck().get() as string | null | undefined;
	if (!options.force && stored() === plans.fingerprint) return { status: 'current' };
	return c
		.transaction((): Outcome => {
			if (!options.force && stored() === plans.fingerprint) return { status: 'current' }; // another process did it
			disableAggregates(db);
			let rows = c.prepare('update competency_status set due_on = null where due_on is not null').run().changes;
			// SQLite's date() gives the same day as addDays (dates.ts) for ISO dates.
			const setDue = c.prepare(
				`update competency_status set due_on = (select date(p.start_date, '+' || @days || ' days') from people p where p.id = competency_status.person_id)
				 where competency_id = @competencyId and person_id in (select id from people where job_role = @jobRole)`
			);
			for (const [jobRole, steps] of plans.byRole)
				for (const step of steps) rows += setDue.run({ days: step.withinDays, competencyId: step.competencyId, jobRole }).changes;
			rows += applyAssignedDueDates(db);
			c.prepare(
				'insert into compliance_state (id, day, enabled, induction_plans) values (1, null, 0, @fingerprint) on conflict (id) do update set induction_plans = excluded.induction_plans'
			).run({ fingerprint: plans.fingerprint });
			return { status: 'updated', rows };
		})
		.immediate();
}
