/**
 * Writes synthetic London straight into SQLite with prepared statements in large transactions: the domain
 * functions write one learner action at a time, with an audit entry each, which would take hours at this
 * scale. The rows are the ones those functions would write (quiz attempts behind each completion, finished
 * runs with the engine's own snapshots and steps, assessments by a trainer, one evidence row per supported
 * competency, and status and cycles derived with statusOn and cyclesOf), so the app cannot tell them apart.
 * One 'evidence-bulk-load' audit entry vouches for the evidence rows (the audit verifier checks the ledger against
 * its digest) and one 'synthetic-seed' entry records the run.
 */
import { rebuildInsightCounts } from '../../src/lib/server/insights/backfill';
import type Database from 'better-sqlite3';
import { EVIDENCE_ROW_SQL, evidenceRangeDigest, type EvidenceRow } from '../../src/lib/server/audit/evidence-digest';
import { appendAudit } from '../../src/lib/server/audit/log';
import { disableAggregates, ensureAggregates } from '../../src/lib/server/reporting/aggregates';
import { syncDueDates } from '../../src/lib/server/competency/due-dates-store';
import { londonToday, type IsoDate } from '../../src/lib/server/competency/dates';
import type { EvidenceFact } from '../../src/lib/server/competency/status';
import type { Db } from '../../src/lib/server/db';
import { mulberry32 } from '../demo/seed';
import { BENCH_ACCOUNTS, type BenchAccount, type BenchAccountKey } from './accounts';
import type { SyntheticContent } from './content';
import { DAY_MS, dayOf, isoOf } from './days';
import { deriveCompetencies, personHistory, type HistoryEvent } from './history';
import { planLondon, unitNearest, type OrganisationPlan } from './london';
import { PAST_DAYS, FUTURE_DAYS, SessionCalendar, writeSessions, type BookingPerson, type SyntheticSession } from './sessions';
import { seedSurveyAnswers } from './surveys';
import { makeWorkforce, type SyntheticPerson } from './workforce';

export type SeedOptions = {
	staff: number;
	years: number;
	seed?: number;
	now?: Date;
	/** Argon2 hash of the bench password, made once by the caller. */
	passwordHash: string;
	/** People per transaction. */
	chunk?: number;
	onProgress?: (done: number, total: number, stage?: string) => void;
};

export type SeedCounts = {
	organisations: number;
	units: number;
	people: number;
	leavers: number;
	roleGrants: number;
	quizAttempts: number;
	moduleCompletions: number;
	scenarioRuns: number;
	scenarioSteps: number;
	assessments: number;
	evidence: number;
	competencyStatus: number;
	competencyCycles: number;
	practicalSessions: number;
	practicalBookings: number;
	surveyResponses: number;
};

export type SeedResult = {
	counts: SeedCounts;
	today: IsoDate;
	accounts: (BenchAccount & { personId: number; unitName: string; organisationName: string })[];
	/** The unit the unit manager manages, and how many people are in it. */
	benchUnit: { name: string; people: number };
	mpsPeople: number;
};

const NOTES = [
	'Safe, well-led restraint in a practical scenario; clear communication throughout.',
	'Kept talking and de-escalating throughout; moved the subject to recovery position promptly.',
	'Good use of a safety officer; monitored breathing and responsiveness and escalated early.',
	''
];
const NOT_YET_NOTES = 'Weight placed across the back for too long; debriefed, to be reassessed.';

function statements(client: Database.Database) {
	const p = (sql: string) => client.prepare(sql);
	return {
		organisation: p('insert into organisations (id, name, kind, created_at) values (?, ?, ?, ?)'),
		unit: p('insert into units (id, organisation_id, name, kind, borough, created_at) values (?, ?, ?, ?, ?, ?)'),
		person: p(
			'insert into people (id, organisation_id, unit_id, name, email, job_role, workforce_id, start_date, status, left_date, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
		),
		grant: p('insert into role_grants (person_id, role, organisation_id, unit_id, granted_by, created_at) values (?, ?, ?, ?, null, ?)'),
		attempt: p(
			'insert into quiz_attempts (id, person_id, module_slug, module_version, answers, correct, total, score, passed, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
		),
		completion: p('insert into module_completions (person_id, module_slug, module_version, attempt_id, score, completed_at) values (?, ?, ?, ?, ?, ?)'),
		run: p(
			"insert into scenario_runs (id, person_id, scenario_slug, scenario_version, snapshot, step, shown_at, status, started_at, finished_at, score, outcome, passed, flags) values (?, ?, ?, ?, ?, ?, ?, 'finished', ?, ?, ?, ?, ?, ?)"
		),
		step: p(
			'insert into scenario_steps (run_id, step, from_state, event, applied_event, to_state, feedback, score, flags, late, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)'
		),
		assessment: p(
			'insert into assessments (id, person_id, competency_id, assessed_on, outcome, notes, assessor_id, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)'
		),
		evidence: p(
			'insert into evidence (person_id, competency_id, kind, ref, content_version, occurred_on, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)'
		),
		status: p('insert into competency_status (person_id, competency_id, achieved_on, expires_on, updated_at) values (?, ?, ?, ?, ?)'),
		cycle: p('insert into competency_cycles (person_id, competency_id, achieved_on, expires_on) values (?, ?, ?, ?)')
	};
}

const nextId = (client: Database.Database, table: string) => (client.prepare(`select coalesce(max(id), 0) + 1 as n from ${table}`).get() as { n: number }).n;

/** Places the bench accounts in the plan and returns them as extra people (with a steady history for the learner). */
function benchPeople(
	plan: OrganisationPlan[],
	benchUnitName: string,
	firstId: number,
	todayDay: number,
	years: number,
	goLive: (o: number, u: number) => number
) {
	const mps = 0;
	const unitIndex = (name: string | ((n: string) => boolean)) => plan[mps].units.findIndex((u) => (typeof name === 'string' ? u.name === name : name(u.name)));
	const where: Record<BenchAccount['unit'], number> = {
		pilot: unitIndex('Central South BCU – Lambeth'),
		'bench-unit': unitIndex(benchUnitName),
		training: unitIndex('Personal Safety Training'),
		'control-room': unitIndex('MetCC Lambeth')
	};
	const windowStart = todayDay - Math.round(years * 365.25);
	return BENCH_ACCOUNTS.map((account, i): SyntheticPerson & { account: BenchAccount } => ({
		id: firstId + i,
		organisationIndex: mps,
		unitIndex: where[account.unit],
		name: account.name,
		email: account.email,
		jobRole: account.jobRole,
		workforceId: `MPSB${String(i + 1).padStart(4, '0')}`,
		startDay: windowStart - 2000 - i * 100,
		leftDay: null,
		goLiveDay: goLive(mps, where[account.unit]),
		trainer: account.grant?.role === 'trainer',
		account
	}));
}

/** One audit entry for every evidence row the seed wrote, with a digest over them, as recordEvidence writes one a row. */
function auditEvidenceLoad(db: Db, firstId: number, at: Date) {
	const range = evidenceRangeDigest();
	let lastId = firstId - 1;
	for (const row of db.$client
		.prepare(`select ${EVIDENCE_ROW_SQL} from evidence where id >= ? order by id`)
		.iterate(firstId) as IterableIterator<EvidenceRow>) {
		range.add(row);
		lastId = row.id;
	}
	if (range.rows() === 0) return;
	appendAudit(db, {
		actorId: null,
		action: 'evidence-bulk-load',
		entity: 'evidence',
		detail: { via: 'synthetic-seed', firstId, lastId, rows: range.rows(), digest: range.digest() },
		at
	});
}

export function seedSynthetic(db: Db, content: SyntheticContent, options: SeedOptions): SeedResult {
	const client = db.$client;
	const now = options.now ?? new Date();
	const nowMs = now.getTime();
	const today = londonToday(now);
	const todayDay = dayOf(today);
	const seed = options.seed ?? 2013;
	const plan = planLondon(options.staff, options.years);
	const windowStart = todayDay - Math.round(options.years * 365.25);
	const goLiveDay = (o: number, u: number) => Math.min(todayDay - 1, windowStart + Math.round(plan[o].units[u].goLiveMonths * 30.44));

	// The dashboard aggregates' triggers would fire for every one of millions of rows: off during the load,
	// then rebuilt once at the end.
	disableAggregates(db);
	const s = statements(client);
	const ids = {
		organisation: nextId(client, 'organisations'),
		unit: nextId(client, 'units'),
		person: nextId(client, 'people'),
		attempt: nextId(client, 'quiz_attempts'),
		run: nextId(client, 'scenario_runs'),
		assessment: nextId(client, 'assessments')
	};
	const firstEvidenceId = Math.max(
		nextId(client, 'evidence'),
		((client.prepare("select seq from sqlite_sequence where name = 'evidence'").pluck().get() as number | undefined) ?? 0) + 1
	);
	const counts: SeedCounts = {
		organisations: 0,
		units: 0,
		people: 0,
		leavers: 0,
		roleGrants: 0,
		quizAttempts: 0,
		moduleCompletions: 0,
		scenarioRuns: 0,
		scenarioSteps: 0,
		assessments: 0,
		evidence: 0,
		competencyStatus: 0,
		competencyCycles: 0,
		practicalSessions: 0,
		practicalBookings: 0,
		surveyResponses: 0
	};

	// Organisations and units.
	const orgIds: number[] = [];
	const unitIds: number[][] = [];
	const benchUnit = unitNearest(plan, Math.round((1000 * options.staff) / 80000));
	client.transaction(() => {
		plan.forEach((o, oi) => {
			const orgId = ids.organisation++;
			orgIds.push(orgId);
			s.organisation.run(orgId, o.name, o.kind, windowStart * DAY_MS);
			counts.organisations++;
			unitIds.push(
				o.units.map((u, ui) => {
					const unitId = ids.unit++;
					s.unit.run(unitId, orgId, u.name, u.kind, u.borough, goLiveDay(oi, ui) * DAY_MS);
					counts.units++;
					return unitId;
				})
			);
		});
	})();

	// People: the workforce, then the bench accounts.
	const workforce = makeWorkforce(plan, { todayDay, years: options.years, rand: mulberry32(seed + 1), firstId: ids.person });
	const bench = benchPeople(plan, benchUnit.unit.name, ids.person + workforce.length, todayDay, options.years, goLiveDay);
	const everyone: (SyntheticPerson & { account?: BenchAccount })[] = [...workforce, ...bench];
	const assessorsByOrg = new Map<number, number[]>();
	for (const p of everyone) {
		if (!p.trainer) continue;
		if (!assessorsByOrg.has(p.organisationIndex)) assessorsByOrg.set(p.organisationIndex, []);
		assessorsByOrg.get(p.organisationIndex)!.push(p.id);
	}
	const writePeople = client.transaction((batch: typeof everyone) => {
		for (const p of batch) {
			const createdAt = Math.max(p.startDay, p.goLiveDay) * DAY_MS + 8 * 3_600_000;
			const left = p.leftDay !== null;
			s.person.run(
				p.id,
				orgIds[p.organisationIndex],
				unitIds[p.organisationIndex][p.unitIndex],
				p.name,
				p.email,
				p.jobRole,
				p.workforceId,
				isoOf(p.startDay),
				left ? 'left' : 'active',
				left ? isoOf(p.leftDay!) : null,
				p.account ? options.passwordHash : null,
				createdAt,
				left ? p.leftDay! * DAY_MS + 17 * 3_600_000 : createdAt
			);
			counts.people++;
			if (left) counts.leavers++;
			const grant = p.account?.grant ?? (p.trainer ? { role: 'trainer' as const, scope: 'organisation' as const } : undefined);
			if (grant) {
				s.grant.run(
					p.id,
					grant.role,
					grant.scope === 'organisation' ? orgIds[p.organisationIndex] : null,
					grant.scope === 'unit' ? unitIds[p.organisationIndex][p.unitIndex] : null,
					createdAt
				);
				counts.roleGrants++;
			}
		}
	});
	writePeople(everyone);
	ids.person += everyone.length;

	// Practical sessions over the past nine months and the next three: past registers come from the histories below.
	const bcus = (oi: number) => {
		const groups = new Map<string, number[]>();
		plan[oi].units.forEach((u, ui) => {
			const bcu = u.kind === 'bcu' && u.name.includes(' BCU – ') ? u.name.split(' BCU – ')[0] : null;
			if (bcu) (groups.get(bcu) ?? groups.set(bcu, []).get(bcu)!).push(unitIds[oi][ui]);
		});
		return [...groups.values()];
	};
	const peopleIn = plan.map(() => 0);
	for (const p of everyone) peopleIn[p.organisationIndex]++;
	const calendar = new SessionCalendar(
		plan.map((o, oi) => ({ index: oi, id: orgIds[oi], kind: o.kind, people: peopleIn[oi], trainers: assessorsByOrg.get(oi) ?? [], bcus: bcus(oi) })),
		content,
		todayDay,
		nextId(client, 'practical_sessions'),
		mulberry32(seed + 5)
	);
	const sessionRand = mulberry32(seed + 6);
	const practicalRoles = new Map<string, Set<string>>();
	for (const s of calendar.sessions) practicalRoles.set(`${s.organisationIndex}:${s.competencyId}`, s.roles);
	const upcoming = new Map<string, { person: BookingPerson; expiresDay: number }[]>();

	// Histories, a chunk of people per transaction.
	const chunk = options.chunk ?? 2000;
	const historyRand = mulberry32(seed + 2);
	const moduleRows = content.modules;
	const scenarioRows = content.scenarios;
	const writeHistories = client.transaction((batch: typeof everyone) => {
		for (const p of batch) {
			const events = personHistory(
				p,
				content.tasks.get(p.jobRole)!,
				todayDay,
				historyRand,
				assessorsByOrg.get(p.organisationIndex) ?? [],
				p.account?.key === 'learner'
			);
			const facts = new Map<string, EvidenceFact[]>();
			const fact = (competencyId: string, f: EvidenceFact) => {
				let list = facts.get(competencyId);
				if (!list) facts.set(competencyId, (list = []));
				list.push(f);
			};
			const booker: BookingPerson = {
				id: p.id,
				organisationIndex: p.organisationIndex,
				unitId: unitIds[p.organisationIndex][p.unitIndex],
				jobRole: p.jobRole,
				days: new Set()
			};
			const firstDay = Math.max(p.startDay, todayDay - PAST_DAYS);
			const lastDay = Math.min(p.leftDay ?? todayDay, todayDay) - 1;
			for (const e of events) writeEvent(p.id, e, fact, e.kind === 'observed' && e.day >= firstDay ? { booker, firstDay, lastDay } : null);
			let future: BookingPerson | null = null;
			for (const d of deriveCompetencies(content, p.jobRole, facts, today)) {
				// Those whose practical part runs out before the sessions on the calendar end (or has just run out) book one.
				const key = `${p.organisationIndex}:${d.competencyId}`;
				if (p.leftDay === null && d.expiresOn && practicalRoles.get(key)?.has(p.jobRole)) {
					const expiresDay = dayOf(d.expiresOn);
					if (expiresDay > todayDay - 30 && expiresDay < todayDay + FUTURE_DAYS + 30) {
						future ??= { ...booker, days: new Set() };
						(upcoming.get(key) ?? upcoming.set(key, []).get(key)!).push({ person: future, expiresDay });
					}
				}
				s.status.run(p.id, d.competencyId, d.achievedOn, d.expiresOn, nowMs);
				counts.competencyStatus++;
				for (const c of d.cycles) s.cycle.run(p.id, d.competencyId, c.achievedOn, c.expiresOn);
				counts.competencyCycles += d.cycles.length;
			}
		}
	});

	function writeEvidence(
		personId: number,
		competencies: string[],
		kind: EvidenceFact['kind'],
		ref: string,
		version: string | null,
		occurredOn: IsoDate,
		at: number,
		by: number,
		fact: (c: string, f: EvidenceFact) => void
	) {
		for (const competencyId of competencies) {
			s.evidence.run(personId, competencyId, kind, ref, version, occurredOn, at, by);
			fact(competencyId, { kind, ref, occurredOn });
		}
		counts.evidence += competencies.length;
	}

	function writeRun(
		personId: number,
		scenario: SyntheticContent['scenarios'][number],
		played: NonNullable<SyntheticContent['scenarios'][number]['fail']>,
		startedAt: number
	) {
		const runId = ids.run++;
		const finishedAt = startedAt + played.steps.length * 20_000;
		s.run.run(
			runId,
			personId,
			scenario.slug,
			scenario.version,
			played.snapshot,
			played.steps.length,
			finishedAt,
			startedAt,
			finishedAt,
			played.score,
			played.outcome,
			played.passed ? 1 : 0,
			played.flags
		);
		played.steps.forEach((r, i) =>
			s.step.run(runId, r.step, r.from, r.chosenEvent, r.event, r.to, r.feedback, r.score, JSON.stringify(r.flags), startedAt + (i + 1) * 20_000)
		);
		counts.scenarioRuns++;
		counts.scenarioSteps += played.steps.length;
		return { runId, finishedAt };
	}

	/** Moves an observed assessment in the window onto a session with a place, where a trainer of it signs it off. */
	function onSession(e: Extract<HistoryEvent, { kind: 'observed' }>, at: { booker: BookingPerson; firstDay: number; lastDay: number }) {
		const { booker, firstDay, lastDay } = at;
		let notYet: SyntheticSession | null = null;
		if (e.notYetFirstDay !== null && e.notYetFirstDay >= firstDay)
			notYet = calendar.find(booker, e.competencyId, e.notYetFirstDay, Math.min(e.notYetFirstDay + 7, e.day - 1));
		const competent = calendar.find(booker, e.competencyId, notYet ? Math.max(e.day, notYet.day + 1) : e.day, Math.min(e.day + 14, lastDay));
		if (!competent) return { notYet: null, competent: null };
		if (notYet) calendar.take(notYet, booker, 'attended', 'not-yet-competent', NOT_YET_NOTES);
		// Some missed an earlier session, or had to leave one early.
		const missed = sessionRand();
		if (missed < 0.09) {
			const earlier = calendar.find(booker, e.competencyId, Math.max(firstDay, competent.day - 35), competent.day - 7);
			if (earlier) calendar.take(earlier, booker, missed < 0.06 ? 'absent' : 'left-early', null, null);
		}
		calendar.take(competent, booker, 'attended', 'competent', NOTES[(e.at / 60_000) % NOTES.length] || null);
		return { notYet, competent };
	}

	function writeEvent(
		personId: number,
		e: HistoryEvent,
		fact: (c: string, f: EvidenceFact) => void,
		practical: { booker: BookingPerson; firstDay: number; lastDay: number } | null
	) {
		if (e.kind === 'module') {
			const m = moduleRows[e.module];
			for (let i = e.failedAttempts; i > 0; i--) {
				s.attempt.run(ids.attempt++, personId, m.slug, m.version, m.fail.json, m.fail.correct, m.fail.total, m.fail.score, 0, e.at - i * 20 * 60_000);
				counts.quizAttempts++;
			}
			const attemptId = ids.attempt++;
			s.attempt.run(attemptId, personId, m.slug, m.version, m.pass.json, m.pass.correct, m.pass.total, m.pass.score, 1, e.at);
			s.completion.run(personId, m.slug, m.version, attemptId, m.pass.score, e.at);
			counts.quizAttempts++;
			counts.moduleCompletions++;
			writeEvidence(personId, m.competencies, 'module', m.slug, m.version, isoOf(Math.floor(e.at / DAY_MS)), e.at, personId, fact);
		} else if (e.kind === 'scenario') {
			const sc = scenarioRows[e.scenario];
			if (e.failedFirst && sc.fail) writeRun(personId, sc, sc.fail, e.at - 30 * 60_000);
			const { finishedAt } = writeRun(personId, sc, sc.pass, e.at);
			writeEvidence(personId, sc.competencies, 'scenario', sc.slug, sc.version, isoOf(Math.floor(finishedAt / DAY_MS)), finishedAt, personId, fact);
		} else {
			const session = practical ? onSession(e, practical) : { notYet: null, competent: null };
			if (e.notYetFirstDay !== null) {
				const n = session.notYet;
				s.assessment.run(
					ids.assessment++,
					personId,
					e.competencyId,
					isoOf(n ? n.day : e.notYetFirstDay),
					'not-yet-competent',
					NOT_YET_NOTES,
					n ? calendar.assessor(n, personId) : e.assessorId,
					n ? n.endsAt + 30 * 60_000 : e.notYetFirstDay * DAY_MS + 17 * 3_600_000
				);
				counts.assessments++;
			}
			const c = session.competent;
			const assessmentId = ids.assessment++;
			const assessedOn = isoOf(c ? c.day : e.day);
			const assessor = c ? calendar.assessor(c, personId) : e.assessorId;
			const at = c ? c.endsAt + 30 * 60_000 : e.at;
			// A register's notes are the booking's; off a session, one of the usual remarks.
			const notes = c ? (c.bookings[c.bookings.length - 1].notes ?? '') : NOTES[assessmentId % NOTES.length];
			s.assessment.run(assessmentId, personId, e.competencyId, assessedOn, 'competent', notes, assessor, at);
			counts.assessments++;
			writeEvidence(personId, [e.competencyId], 'observed', String(assessmentId), null, assessedOn, at, assessor, fact);
		}
	}

	for (let i = 0; i < everyone.length; i += chunk) {
		writeHistories(everyone.slice(i, i + chunk));
		options.onProgress?.(Math.min(everyone.length, i + chunk), everyone.length);
	}

	options.onProgress?.(everyone.length, everyone.length, 'Booking practical sessions');
	for (const list of upcoming.values()) list.sort((a, b) => a.expiresDay - b.expiresDay || a.person.id - b.person.id);
	calendar.bookUpcoming(new Map([...upcoming].map(([k, list]) => [k, list.map((c) => c.person)])), nowMs);
	const written = writeSessions(client, calendar, nowMs);
	counts.practicalSessions = written.sessions;
	counts.practicalBookings = written.bookings;
	options.onProgress?.(everyone.length, everyone.length, 'Answering surveys');
	counts.surveyResponses = content.surveys ? seedSurveyAnswers(client, content.surveys, { seed, now }) : 0;

	options.onProgress?.(everyone.length, everyone.length, 'Counting for the dashboards');
	// The statuses were written without due dates: worked out for everyone at once from the induction plans.
	syncDueDates(db, content.framework, { force: true });
	ensureAggregates(db, today);
	// The bulk load bypassed the storage code that keeps the insight counts: counted once from the raw rows.
	options.onProgress?.(everyone.length, everyone.length, 'Counting for insights');
	rebuildInsightCounts(db);

	auditEvidenceLoad(db, firstEvidenceId, now);
	appendAudit(db, {
		actorId: null,
		action: 'synthetic-seed',
		entity: 'database',
		detail: { staff: options.staff, years: options.years, seed, today, counts, accounts: BENCH_ACCOUNTS.map((a) => a.email) },
		at: now
	});

	const byKey = new Map(bench.map((b) => [b.account.key, b]));
	return {
		counts,
		today,
		accounts: BENCH_ACCOUNTS.map((a) => {
			const p = byKey.get(a.key as BenchAccountKey)!;
			return { ...a, personId: p.id, unitName: plan[p.organisationIndex].units[p.unitIndex].name, organisationName: plan[p.organisationIndex].name };
		}),
		benchUnit: { name: benchUnit.unit.name, people: benchUnit.unit.size + bench.filter((b) => b.account.unit === 'bench-unit').length },
		mpsPeople: everyone.filter((p) => p.organisationIndex === 0).length
	};
}
