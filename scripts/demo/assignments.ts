/**
 * Demo assigned training, made through the app's own code at dates in the past (no emails for the seeded past): one
 * overdue (a constable of Central South BCU, by its manager), one met (another constable, who then completed the
 * module through the learner's path), and one for a whole unit (Brixton Custody Suite, by its manager).
 */
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { insertAssignment } from '../../src/lib/server/assignments/store';
import { addDays, londonToday } from '../../src/lib/server/competency/dates';
import type { DiskContent } from '../../src/lib/server/content/disk';
import type { Db } from '../../src/lib/server/db';
import { people, units } from '../../src/lib/server/db/schema';
import { correctAnswers } from '../../src/lib/server/modules/correct-answers';
import { markSectionRead, submitAttempt } from '../../src/lib/server/modules/progress';
import { DEMO_ACCOUNTS } from './seed';

const DAY = 86_400_000;
export const DEMO_OVERDUE_REASON = 'Demo: after a section 136 detention made without consulting a mental health professional';
export const DEMO_MET_REASON = 'Demo: de-escalation refresher after a complaint';
export const DEMO_UNIT_REASON = 'Demo: custody vulnerability review after a detainee welfare incident';

export function seedDemoAssignments(db: Db, content: DiskContent, now = new Date()) {
	const { framework } = content;
	const assignmentContent = {
		framework,
		lookup: {
			moduleTitle: (slug: string) => content.modules.find((m) => m.slug === slug)?.meta.title,
			scenarioTitle: (slug: string) => content.scenarios.find((s) => s.def.slug === slug)?.def.meta.title
		}
	};
	const unit = (name: string) => db.select().from(units).where(eq(units.name, name)).get();
	const account = (email: string) => db.select().from(people).where(eq(people.email, email)).get();
	const centralSouth = unit('Central South BCU');
	const custody = unit('Brixton Custody Suite');
	const manager = account('manager@demo.test');
	const custodyManager = account('custody-manager@demo.test');
	if (!centralSouth || !custody || !manager || !custodyManager) return;
	// Constables without a demo sign-in, so the demo accounts' own pages stay as the other walk-throughs expect.
	const constables = db
		.select()
		.from(people)
		.where(
			and(
				eq(people.unitId, centralSouth.id),
				eq(people.jobRole, 'police-constable'),
				eq(people.status, 'active'),
				notInArray(
					people.email,
					DEMO_ACCOUNTS.map((a) => a.email)
				)
			)
		)
		.orderBy(people.id)
		.all();
	const at = (days: number) => new Date(now.getTime() + days * DAY);
	const today = londonToday(now);
	const whose = (u: { id: number; organisationId: number }) => ({ organisationId: u.organisationId, unitId: u.id, jobRole: null });
	db.transaction((tx) => {
		/** The Central South manager assigns a module to one constable, due `dueIn` days from today, `madeDaysAgo` days ago. */
		const toConstable = (constable: { id: number }, module: string, dueIn: number, reason: string, madeDaysAgo: number) =>
			insertAssignment(
				tx,
				assignmentContent,
				{
					...whose(centralSouth),
					what: { kind: 'module', ref: module },
					targetKind: 'person',
					targetPersonId: constable.id,
					dueOn: addDays(today, dueIn),
					reason,
					createdBy: manager.id
				},
				[constable.id],
				at(-madeDaysAgo),
				{ notify: false }
			);
		const [late, keen] = constables;
		if (late) toConstable(late, 'mental-health-act', -9, DEMO_OVERDUE_REASON, 30);
		if (keen) toConstable(keen, 'de-escalation', 10, DEMO_MET_REASON, 20);
		const inCustody = tx
			.select({ id: people.id })
			.from(people)
			.where(and(eq(people.unitId, custody.id), inArray(people.status, ['active'])))
			.orderBy(people.id)
			.all()
			.map((p) => p.id);
		insertAssignment(
			tx,
			assignmentContent,
			{
				...whose(custody),
				what: { kind: 'scenario', ref: 'custody-desk-vulnerable-detainee' },
				targetKind: 'unit',
				targetPersonId: null,
				dueOn: addDays(today, 26),
				reason: DEMO_UNIT_REASON,
				createdBy: custodyManager.id
			},
			inCustody,
			at(-2),
			{ notify: false }
		);
	});
	// The keen constable then did it: the module read and passed five days ago, which meets the assignment.
	const keen = constables[1];
	const module = content.modules.find((m) => m.slug === 'de-escalation');
	if (keen && module) {
		const done = at(-5);
		module.sections.forEach((s, i) => markSectionRead(db, framework, keen.id, module, s.id, new Date(done.getTime() - (module.sections.length - i) * 180_000)));
		submitAttempt(db, framework, keen.id, module, correctAnswers(module.quiz), done);
	}
}
