import { eq } from 'drizzle-orm';
import type { Principal } from '../../src/lib/server/access/policy';
import { recordAssessment } from '../../src/lib/server/competency/assessments';
import { londonToday } from '../../src/lib/server/competency/dates';
import { requiredFor } from '../../src/lib/server/competency/framework';
import { refreshPerson } from '../../src/lib/server/competency/ledger';
import type { DiskContent } from '../../src/lib/server/content/disk';
import type { Db } from '../../src/lib/server/db';
import { people, roleGrants } from '../../src/lib/server/db/schema';
import { correctAnswers } from '../../src/lib/server/modules/correct-answers';
import type { ModuleDefinition } from '../../src/lib/server/modules/parse';
import { markSectionRead, submitAttempt } from '../../src/lib/server/modules/progress';
import { startOrResumeRun, takeStep } from '../../src/lib/server/scenarios/runs-store';
import { mulberry32 } from './seed';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** Reads every section and passes the knowledge check, through the same code a learner's clicks run. */
function completeModule(db: Db, content: DiskContent, personId: number, module: ModuleDefinition, at: Date) {
	module.sections.forEach((s, i) =>
		markSectionRead(db, content.framework, personId, module, s.id, new Date(at.getTime() - (module.sections.length - i) * 3 * MINUTE))
	);
	submitAttempt(db, content.framework, personId, module, correctAnswers(module.quiz), at);
}

/**
 * Passes on a version before a major change (the scenario's frontmatter `majorChange`), so that the demo shows a
 * retraining: the academy assigns the new version at start-up (src/lib/server/assignments/retraining.ts). The
 * partnership lead's, as no other walk-through reads her own training; tests/retraining.e2e.ts plays it. 1.0.0 is the
 * version before the Brixton Road arrest route was corrected; its best path is the same as today's.
 */
export const DEMO_OLDER_VERSIONS: Record<string, Record<string, string>> = { 'partnership@demo.test': { 'street-section-136': '1.0.0' } };

/** Plays the best path, each decision well inside its deadline; on an earlier version when one is given. */
function passScenario(db: Db, content: DiskContent, personId: number, slug: string, at: Date, version?: string) {
	const entry = content.scenarios.find((s) => s.def.slug === slug)!;
	const def = version ? { ...entry.def, meta: { ...entry.def.meta, version } } : entry.def;
	const { run } = startOrResumeRun(db, personId, def, at);
	entry.analysis.bestPath.forEach((event, step) =>
		takeStep(db, content.framework, personId, def, { runId: run.id, event, step }, new Date(at.getTime() + (step + 1) * 15_000))
	);
}

/**
 * How long ago a piece of training was done: most people are in date, some are due soon, some have lapsed
 * and some have not started, so a manager's first look at the dashboard tells a story.
 */
function pickAge(rand: () => number): number | null {
	const r = rand();
	if (r < 0.12) return null;
	if (r < 0.27) return 370 + Math.floor(rand() * 500); // lapsed (12-month refreshers)
	if (r < 0.42) return 300 + Math.floor(rand() * 60); // due within 60 days
	return 5 + Math.floor(rand() * 280);
}

type Plan = { modules: Record<string, number | null>; scenarios: Record<string, number | null>; observedDaysAgo: number | null };

/** The demo accounts get a fixed story; everyone else a seeded random one. */
const FIXED: Record<string, Partial<Plan> & { default: number | null }> = {
	'officer@demo.test': {
		default: 60,
		modules: { 'restraint-safety': 330, 'mental-health-act': 420, 'custody-vulnerable-people': null, 'mental-capacity-act': 200 },
		scenarios: { 'prone-restraint-cant-breathe': 332, 'street-section-136': 425 },
		observedDaysAgo: 328
	},
	'recruit@demo.test': { default: null, modules: { 'why-this-training': 20, 'staff-wellbeing': 18 }, scenarios: {}, observedDaysAgo: null },
	'custody@demo.test': {
		default: 90,
		modules: { 'custody-vulnerable-people': 340 },
		scenarios: { 'custody-desk-vulnerable-detainee': 400 },
		observedDaysAgo: 100
	},
	// staff-wellbeing is left undone for these two, and equality-families for the nurse: the end-to-end tests complete them
	'nurse@demo.test': {
		default: 150,
		modules: { 'restraint-safety': 500, 'staff-wellbeing': null, 'use-of-force-act': null, 'equality-families': null },
		scenarios: {},
		observedDaysAgo: null
	},
	'paramedic@demo.test': {
		default: 45,
		modules: { 'acute-behavioural-disturbance': 310, 'staff-wellbeing': null },
		scenarios: { 'suspected-abd': 312 },
		observedDaysAgo: null
	}
};

/** Runs in one transaction: the per-action transactions inside become savepoints, which is far faster. */
export function seedHistory(db: Db, content: DiskContent, now = new Date()) {
	db.transaction(() => seedEveryone(db, content, now));
}

function seedEveryone(db: Db, content: DiskContent, now: Date) {
	const rand = mulberry32(136);
	const everyone = db.select().from(people).all();
	const trainer = everyone.find((p) => p.email === 'trainer@demo.test');
	const trainerPrincipal: Principal | null = trainer
		? {
				id: trainer.id,
				name: trainer.name,
				email: trainer.email,
				organisationId: trainer.organisationId,
				unitId: trainer.unitId,
				jobRole: trainer.jobRole,
				grants: db
					.select({ role: roleGrants.role, organisationId: roleGrants.organisationId, unitId: roleGrants.unitId })
					.from(roleGrants)
					.where(eq(roleGrants.personId, trainer.id))
					.all()
			}
		: null;
	const ago = (days: number, jitterMinutes: number) => new Date(now.getTime() - days * DAY + jitterMinutes * MINUTE);

	for (const person of everyone) {
		if (person.status !== 'active') {
			refreshPerson(db, content.framework, person.id, now);
			continue;
		}
		const fixed = FIXED[person.email];
		const started = Math.floor((now.getTime() - Date.parse(`${person.startDate}T09:00:00Z`)) / DAY);
		const age = (override: number | null | undefined) => {
			const days = override !== undefined ? override : fixed ? fixed.default : pickAge(rand);
			return days === null || days >= started ? null : days; // nothing before they joined
		};
		for (const module of content.modules.filter((m) => (m.meta.audience as readonly string[]).includes(person.jobRole))) {
			const days = age(fixed?.modules?.[module.slug]);
			if (days !== null) completeModule(db, content, person.id, module, ago(days, Math.floor(rand() * 480)));
		}
		for (const { def } of content.scenarios.filter((s) => (s.def.meta.audience as readonly string[]).includes(person.jobRole))) {
			const days = age(fixed?.scenarios?.[def.slug]);
			if (days !== null) passScenario(db, content, person.id, def.slug, ago(days, Math.floor(rand() * 480)), DEMO_OLDER_VERSIONS[person.email]?.[def.slug]);
		}
		const observed = requiredFor(content.framework, person.jobRole).filter((r) => r.requirements.some((q) => q.kind === 'observed'));
		if (trainerPrincipal && observed.length && person.id !== trainerPrincipal.id && person.organisationId === trainerPrincipal.organisationId) {
			const days = age(fixed?.observedDaysAgo);
			if (days !== null) {
				const at = ago(days, 600);
				for (const r of observed)
					recordAssessment(
						db,
						content.framework,
						trainerPrincipal,
						person,
						{
							competencyId: r.competency.id,
							assessedOn: londonToday(at),
							outcome: 'competent',
							notes: 'Demo: safe, well-led restraint in a practical scenario; clear communication throughout.'
						},
						at
					);
			}
		}
		refreshPerson(db, content.framework, person.id, now);
	}
}
