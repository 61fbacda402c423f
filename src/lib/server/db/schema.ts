import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The database's clock in milliseconds, as the timestamp columns store it. */
const NOW_MS = sql`(unixepoch('subsec') * 1000)`;

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(NOW_MS);
const updatedAt = () => integer('updated_at', { mode: 'timestamp_ms' }).notNull();

/** The person a row belongs to or is about (declared lazily: people is defined below). */
const personRef = () =>
	integer('person_id')
		.notNull()
		.references(() => people.id);

/** Who a count is about, in the aggregate tables (status counts, insights): the person's organisation, unit and job role. */
const countedGroup = () => ({
	organisationId: integer('organisation_id').notNull(),
	unitId: integer('unit_id').notNull(),
	jobRole: text('job_role').notNull()
});

/** A police force, NHS trust, ambulance service or any other partner organisation. */
export const organisations = sqliteTable('organisations', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull().unique(),
	kind: text('kind').notNull(),
	createdAt: createdAt()
});

/** A team inside an organisation: a BCU, custody suite, ward, L&D team, ambulance sector… */
export const units = sqliteTable(
	'units',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id),
		name: text('name').notNull(),
		kind: text('kind').notNull(),
		/** The London borough the unit serves, where it serves one. */
		borough: text('borough'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('units_org_name').on(t.organisationId, t.name)]
);

/** Everyone who trains. People are never deleted: leavers are marked `left`. */
export const people = sqliteTable(
	'people',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id),
		unitId: integer('unit_id')
			.notNull()
			.references(() => units.id),
		name: text('name').notNull(),
		/** Stored lower-cased. */
		email: text('email').notNull().unique(),
		jobRole: text('job_role').notNull(),
		/** Warrant or collar number for police; staff or assignment number for NHS and ambulance staff. */
		workforceId: text('workforce_id').notNull(),
		startDate: text('start_date').notNull(),
		status: text('status', { enum: ['active', 'left'] })
			.notNull()
			.default('active'),
		leftDate: text('left_date'),
		/** Marked as left by an administrator (on their page or in their roster import): only an administrator may reinstate them. */
		leftByAdmin: integer('left_by_admin', { mode: 'boolean' }).notNull().default(false),
		/** When their name, email and identifiers were replaced by a pseudonym at the end of retention (people/anonymise.ts). */
		anonymisedAt: integer('anonymised_at', { mode: 'timestamp_ms' }),
		passwordHash: text('password_hash'),
		createdAt: createdAt(),
		updatedAt: updatedAt().default(NOW_MS)
	},
	(t) => [
		uniqueIndex('people_org_workforce').on(t.organisationId, t.workforceId),
		// Lists of people in a unit or an organisation, in name order, read straight from the index.
		index('people_unit').on(t.unitId, t.status, t.name),
		index('people_org_name').on(t.organisationId, t.status, t.name),
		index('people_org_role').on(t.organisationId, t.jobRole, t.status)
	]
);

/**
 * Access roles beyond "learner", which everyone has. A manager grant carries exactly one
 * scope: a unit or a whole organisation. A trainer grant is scoped to an organisation.
 */
export const roleGrants = sqliteTable(
	'role_grants',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		personId: personRef(),
		role: text('role', { enum: ['trainer', 'manager', 'partnership-lead', 'admin'] }).notNull(),
		organisationId: integer('organisation_id').references(() => organisations.id),
		unitId: integer('unit_id').references(() => units.id),
		grantedBy: integer('granted_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('role_grants_person').on(t.personId)]
);

/** Sessions in the style of the Lucia guide: the id is the SHA-256 of the token in the cookie. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		personId: personRef(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('sessions_person').on(t.personId), index('sessions_expires').on(t.expiresAt)]
);

/** Every sign-in attempt, for throttling by account and by address. */
export const loginAttempts = sqliteTable(
	'login_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		email: text('email').notNull(),
		address: text('address').notNull(),
		succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('login_attempts_email').on(t.email, t.at), index('login_attempts_address').on(t.address, t.at), index('login_attempts_at').on(t.at)]
);

/**
 * Append-only, hash-chained record of every write. `hash` is an HMAC-SHA256 under the key named by `keyId`
 * (a key kept outside the database, see docs/audit.md); entries written before the chain was keyed have no
 * `keyId` and a plain SHA-256, and are sealed by the first keyed entry.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		actorId: integer('actor_id'),
		action: text('action').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id'),
		detail: text('detail').notNull(),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull(),
		keyId: text('key_id')
	},
	(t) => [index('audit_log_at').on(t.at), index('audit_log_entity').on(t.entity, t.entityId), index('audit_log_actor').on(t.actorId, t.at)]
);

/**
 * Who read whose personal data, and refusals nobody is signed in for: one cheap insert per read, no chain (reads far
 * outnumber writes, docs/audit.md), purged after ACCESS_LOG_RETENTION_DAYS (docs/data-protection.md).
 */
export const accessLog = sqliteTable(
	'access_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		/** Who read; null for a refusal before anyone was signed in. */
		actorId: integer('actor_id'),
		action: text('action').notNull(),
		/** The person whose record was read; null for a list or export over many people. */
		subjectId: integer('subject_id'),
		/** What was asked for (as-at date, filters, how many rows), and the request id, as JSON. */
		detail: text('detail').notNull()
	},
	(t) => [index('access_log_at').on(t.at), index('access_log_actor').on(t.actorId, t.at), index('access_log_subject').on(t.subjectId, t.at)]
);

export type Organisation = typeof organisations.$inferSelect;
export type Unit = typeof units.$inferSelect;
export type Person = typeof people.$inferSelect;
export type RoleGrant = typeof roleGrants.$inferSelect;
export type Session = typeof sessions.$inferSelect;

/** Sections a learner has marked as read; the latest read time per section. */
export const moduleProgress = sqliteTable(
	'module_progress',
	{
		personId: personRef(),
		moduleSlug: text('module_slug').notNull(),
		sectionId: text('section_id').notNull(),
		readAt: integer('read_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.personId, t.moduleSlug, t.sectionId] })]
);

/** Every knowledge-check attempt, kept whole: answers, score and time. */
export const quizAttempts = sqliteTable(
	'quiz_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		personId: personRef(),
		moduleSlug: text('module_slug').notNull(),
		moduleVersion: text('module_version').notNull(),
		answers: text('answers').notNull(),
		correct: integer('correct').notNull(),
		total: integer('total').notNull(),
		score: integer('score').notNull(),
		passed: integer('passed', { mode: 'boolean' }).notNull(),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('quiz_attempts_person_module').on(t.personId, t.moduleSlug, t.submittedAt)]
);

/** A module completed at a version: the evidence competency tracking builds on. */
export const moduleCompletions = sqliteTable(
	'module_completions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		personId: personRef(),
		moduleSlug: text('module_slug').notNull(),
		moduleVersion: text('module_version').notNull(),
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => quizAttempts.id),
		score: integer('score').notNull(),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }).notNull()
	},
	// With the version last, the learner's module statuses (moduleStatuses) are read from the index alone.
	(t) => [index('module_completions_person').on(t.personId, t.moduleSlug, t.completedAt, t.moduleVersion)]
);

/** A learner's private reflections; nobody else can read them. */
export const reflections = sqliteTable(
	'reflections',
	{
		personId: personRef(),
		moduleSlug: text('module_slug').notNull(),
		reflectionId: text('reflection_id').notNull(),
		body: text('body').notNull(),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.personId, t.moduleSlug, t.reflectionId] })]
);

/**
 * One play of a scenario. The run is stepped only on the server: the persisted xstate snapshot, the step
 * number and the time the current decision was first shown live here, never in the browser.
 * A run whose snapshot no longer fits its scenario is closed as abandoned: finished with no outcome.
 */
export const scenarioRuns = sqliteTable(
	'scenario_runs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		personId: personRef(),
		scenarioSlug: text('scenario_slug').notNull(),
		scenarioVersion: text('scenario_version').notNull(),
		/** JSON of xstate's persisted snapshot. */
		snapshot: text('snapshot').notNull(),
		/** How many decisions have been made; the page must post this back, so a stale page is refused. */
		step: integer('step').notNull(),
		/** When the current decision was first shown, for deadlines. Set by the server at start and after every step. */
		shownAt: integer('shown_at', { mode: 'timestamp_ms' }).notNull(),
		/** The learner's time limits for timed decisions, chosen before the run (engine/timing.ts). */
		timeLimit: text('time_limit', { enum: ['standard', 'double', 'quadruple', 'off'] })
			.notNull()
			.default('standard'),
		status: text('status', { enum: ['active', 'finished'] }).notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
		score: integer('score'),
		outcome: text('outcome'),
		passed: integer('passed', { mode: 'boolean' }),
		/** JSON array of the risk flag ids raised, most severe first. */
		flags: text('flags')
	},
	(t) => [
		index('scenario_runs_person').on(t.personId, t.scenarioSlug, t.startedAt),
		// At most one active run per person per scenario, even if two starts race.
		uniqueIndex('scenario_runs_one_active')
			.on(t.personId, t.scenarioSlug)
			.where(sql`${t.status} = 'active'`)
	]
);

/** Every decision in a run, kept whole for the debrief and the record. */
export const scenarioSteps = sqliteTable(
	'scenario_steps',
	{
		runId: integer('run_id')
			.notNull()
			.references(() => scenarioRuns.id),
		step: integer('step').notNull(),
		fromState: text('from_state').notNull(),
		/** What the learner chose. */
		event: text('event').notNull(),
		/** What was applied: the choice, or the scenario's hesitate event when the answer came too late. */
		appliedEvent: text('applied_event').notNull(),
		toState: text('to_state').notNull(),
		feedback: text('feedback').notNull(),
		score: integer('score').notNull(),
		/** JSON array of risk flag ids. */
		flags: text('flags').notNull(),
		late: integer('late', { mode: 'boolean' }).notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.runId, t.step] })]
);

export type ScenarioRun = typeof scenarioRuns.$inferSelect;
export type ScenarioStep = typeof scenarioSteps.$inferSelect;

/**
 * The evidence ledger: append-only. A correction is a new row with `voidsId` set and a reason;
 * nothing is updated or deleted. `occurredOn` is the calendar date the evidence happened.
 */
export const evidence = sqliteTable(
	'evidence',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		personId: personRef(),
		competencyId: text('competency_id').notNull(),
		kind: text('kind', { enum: ['module', 'scenario', 'observed', 'prior-learning'] }).notNull(),
		/** Module slug, scenario slug, observed assessment id, or prior learning claim id. */
		ref: text('ref').notNull(),
		contentVersion: text('content_version'),
		occurredOn: text('occurred_on').notNull(),
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
		recordedBy: integer('recorded_by').references(() => people.id),
		voidsId: integer('voids_id'),
		reason: text('reason')
	},
	(t) => [index('evidence_person').on(t.personId, t.competencyId), index('evidence_voids').on(t.voidsId)]
);

/** Observed practical assessments signed off by a trainer; a "competent" one also becomes evidence. */
export const assessments = sqliteTable(
	'assessments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		personId: personRef(),
		competencyId: text('competency_id').notNull(),
		assessedOn: text('assessed_on').notNull(),
		outcome: text('outcome', { enum: ['competent', 'not-yet-competent'] }).notNull(),
		notes: text('notes').notNull(),
		assessorId: integer('assessor_id')
			.notNull()
			.references(() => people.id),
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('assessments_person').on(t.personId, t.assessedOn), index('assessments_assessor').on(t.assessorId, t.assessedOn)]
);

/**
 * Learning done elsewhere (a previous force's course, a trust's certified restraint training), claimed for one
 * competency with its certificate, and approved or rejected by a manager. The file is kept here, in the database,
 * so that every server process (and PostgreSQL later) reads the same copy: no local disk. Approval records
 * `prior-learning` evidence whose `ref` is the claim's id.
 */
export const priorLearningClaims = sqliteTable(
	'prior_learning_claims',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		personId: personRef(),
		competencyId: text('competency_id').notNull(),
		completedOn: text('completed_on').notNull(),
		provider: text('provider').notNull(),
		notes: text('notes').notNull().default(''),
		/** The certificate's bytes; lists never select this column. */
		file: blob('file', { mode: 'buffer' }).notNull(),
		/** The type read from the file's own first bytes (certificate-type.ts), never the name or the browser's word. */
		fileType: text('file_type', { enum: ['application/pdf', 'image/png', 'image/jpeg'] }).notNull(),
		fileSize: integer('file_size').notNull(),
		fileSha256: text('file_sha256').notNull(),
		fileName: text('file_name').notNull(),
		status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
		submittedBy: integer('submitted_by')
			.notNull()
			.references(() => people.id),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
		reviewedBy: integer('reviewed_by').references(() => people.id),
		reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
		reviewReason: text('review_reason')
	},
	// A person's claims in order; the managers' queue of pending claims, oldest first.
	(t) => [index('prior_learning_person').on(t.personId, t.id), index('prior_learning_queue').on(t.status, t.submittedAt)]
);

/**
 * Derived from the ledger whenever a person's evidence or job role changes, so dashboards never
 * rebuild 80,000 records per request. Status against today is computed in SQL from `expiresOn`.
 */
export const competencyStatus = sqliteTable(
	'competency_status',
	{
		personId: personRef(),
		competencyId: text('competency_id').notNull(),
		achievedOn: text('achieved_on'),
		expiresOn: text('expires_on'),
		/** The last day to achieve it on time (induction plan: start date + days), or null; see status-rule.ts. */
		dueOn: text('due_on'),
		updatedAt: updatedAt()
	},
	(t) => [
		primaryKey({ columns: [t.personId, t.competencyId] }),
		// The daily roll of status_counts finds the few unachieved statuses whose due date has just passed.
		index('competency_status_due').on(t.dueOn),
		index('competency_status_competency').on(t.competencyId, t.expiresOn),
		// The expiring list walks statuses in expiry order, and the daily roll of status_counts finds the few that change.
		index('competency_status_expires').on(t.expiresOn)
	]
);

/** Every cycle of currency per person and competency, derived from the ledger, for history and trend charts. */
export const competencyCycles = sqliteTable(
	'competency_cycles',
	{
		personId: personRef(),
		competencyId: text('competency_id').notNull(),
		achievedOn: text('achieved_on').notNull(),
		expiresOn: text('expires_on').notNull()
	},
	// Covering: "was this person in date for this competency on this day?" is answered from the index alone.
	(t) => [index('competency_cycles_cover').on(t.personId, t.competencyId, t.achievedOn, t.expiresOn)]
);

/**
 * Derived aggregates for the dashboards, so that a manager of 45,000 people never waits for 600,000 statuses
 * to be counted. Kept exact by triggers on competency_status, competency_cycles and people (see the
 * compliance_aggregates migration) and rolled forward to each new day by `ensureAggregates`
 * (src/lib/server/reporting/aggregates.ts). Never written by the app otherwise.
 */
export const complianceState = sqliteTable('compliance_state', {
	id: integer('id').primaryKey(),
	/** The day the status_counts buckets are relative to; null until the first rebuild. */
	day: text('day'),
	/** 0 while a bulk load runs with the triggers off; the next ensureAggregates rebuilds everything. */
	enabled: integer('enabled').notNull().default(1),
	/** The induction plans the stored due dates were worked out from (their fingerprint); see deadlines-store.ts. */
	inductionPlans: text('induction_plans')
});

/** Statuses of active people by organisation, unit, job role and competency, bucketed by expiry relative to compliance_state.day. */
export const statusCounts = sqliteTable(
	'status_counts',
	{
		...countedGroup(),
		competencyId: text('competency_id').notNull(),
		required: integer('required').notNull(),
		/** expires_on is null and not overdue (due_on is null or due_on >= day) */
		notAchieved: integer('not_achieved').notNull(),
		/** expires_on is null and due_on < day */
		overdue: integer('overdue').notNull().default(0),
		/** expires_on <= day */
		expired: integer('expired').notNull(),
		/** day < expires_on <= day + 30 */
		within30: integer('within_30').notNull(),
		/** day + 30 < expires_on <= day + 60 */
		within60: integer('within_60').notNull(),
		/** day + 60 < expires_on <= day + 90 */
		within90: integer('within_90').notNull(),
		/** expires_on > day + 90 */
		beyond90: integer('beyond_90').notNull()
	},
	(t) => [primaryKey({ columns: [t.organisationId, t.unitId, t.jobRole, t.competencyId] }), index('status_counts_unit').on(t.unitId)]
);

/** The dates of the 12-month trend (month ends, then today): the dates trend_counts holds. */
export const trendDates = sqliteTable('trend_dates', { date: text('date').primaryKey() });

/** For each trend date and unit: required competencies of people in post, and how many were in date. */
export const trendCounts = sqliteTable(
	'trend_counts',
	{
		date: text('date').notNull(),
		organisationId: integer('organisation_id').notNull(),
		unitId: integer('unit_id').notNull(),
		required: integer('required').notNull(),
		current: integer('current').notNull()
	},
	(t) => [primaryKey({ columns: [t.date, t.organisationId, t.unitId] })]
);

/**
 * The same counts for each competency, for the chart narrowed to one; trend_counts is kept as their sum by trigger,
 * so that the whole chart sums a tenth of the rows (measured in docs/benchmarks.md, "Dashboard trend by competency").
 */
export const trendCompetencyCounts = sqliteTable(
	'trend_competency_counts',
	{
		competencyId: text('competency_id').notNull(),
		organisationId: integer('organisation_id').notNull(),
		unitId: integer('unit_id').notNull(),
		date: text('date').notNull(),
		required: integer('required').notNull(),
		current: integer('current').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.competencyId, t.organisationId, t.unitId, t.date] }),
		index('trend_competency_counts_unit').on(t.competencyId, t.unitId, t.date)
	]
);

/**
 * The partnership view's published figures: for each date, borough, agency and competency, how many people in post
 * needed it and how many were in date, counted once from the cycles as they were on that date and then never
 * changed (src/lib/server/reporting/partnership-snapshots.ts). Frozen, so that reading the view before and after a
 * change shows nothing until the next day's figures, which mix a whole day's changes (docs/disclosure-control.md).
 */
export const partnershipDates = sqliteTable('partnership_dates', {
	date: text('date').primaryKey(),
	takenAt: integer('taken_at').notNull()
});

export const partnershipCounts = sqliteTable(
	'partnership_counts',
	{
		date: text('date').notNull(),
		borough: text('borough').notNull(),
		kind: text('kind').notNull(),
		competencyId: text('competency_id').notNull(),
		people: integer('people').notNull(),
		current: integer('current').notNull()
	},
	(t) => [primaryKey({ columns: [t.date, t.borough, t.kind, t.competencyId] })]
);

/* Single sign-on (OpenID Connect): src/lib/server/sso/. */

/** An organisation's own OpenID provider. The client secret is stored encrypted (AES-256-GCM, key SSO_SECRET_KEY). */
export const ssoProviders = sqliteTable('sso_providers', {
	organisationId: integer('organisation_id')
		.primaryKey()
		.references(() => organisations.id),
	issuer: text('issuer').notNull(),
	clientId: text('client_id').notNull(),
	/** `v1.<iv>.<ciphertext>.<tag>`, base64url; never sent to a page. */
	clientSecret: text('client_secret').notNull(),
	/** Its people may not sign in with a password. */
	ssoOnly: integer('sso_only', { mode: 'boolean' }).notNull().default(false),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/** Email domains that sign in through an organisation's provider; a domain belongs to one provider only. */
export const ssoDomains = sqliteTable(
	'sso_domains',
	{
		/** Lower-case, e.g. `londonambulance.nhs.uk`. */
		domain: text('domain').primaryKey(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => ssoProviders.organisationId)
	},
	(t) => [index('sso_domains_organisation').on(t.organisationId)]
);

/** A person's account at a provider, by the provider's stable subject id (Entra: `oid`; otherwise `sub`). */
export const ssoLinks = sqliteTable(
	'sso_links',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		personId: personRef(),
		issuer: text('issuer').notNull(),
		subject: text('subject').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('sso_links_subject').on(t.issuer, t.subject), uniqueIndex('sso_links_person').on(t.personId, t.issuer)]
);

/** A sign-in under way at a provider: single use, ten minutes. The id is the SHA-256 of the token in the `sso_login` cookie. */
export const ssoLogins = sqliteTable(
	'sso_logins',
	{
		id: text('id').primaryKey(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id),
		state: text('state').notNull(),
		nonce: text('nonce').notNull(),
		codeVerifier: text('code_verifier').notNull(),
		redirectTo: text('redirect_to').notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('sso_logins_expires').on(t.expiresAt)]
);

/** The ID token of a session signed in through a provider, for RP-initiated logout; goes with its session. */
export const ssoSessions = sqliteTable('sso_sessions', {
	sessionId: text('session_id')
		.primaryKey()
		.references(() => sessions.id, { onDelete: 'cascade' }),
	organisationId: integer('organisation_id')
		.notNull()
		.references(() => organisations.id),
	idToken: text('id_token').notNull()
});

export type SsoProvider = typeof ssoProviders.$inferSelect;
/**
 * Mail waiting to be sent, and what was sent: written in the same transaction as the change that causes it
 * (src/lib/server/mail/queue.ts), delivered by the sender (src/lib/server/mail/sender.ts). The template's values are
 * stored rather than the rendered text: a few hundred bytes a message instead of a few kilobytes, which matters
 * when a first run queues reminders for half of London. A message stays
 * `queued` while a sender holds it: `claimed_until` is the end of that sender's claim, after which another may take it.
 */
export const mailOutbox = sqliteTable(
	'mail_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The person it is for, when it is for a person on record (shown on their notifications page). */
		personId: integer('person_id').references(() => people.id),
		toAddress: text('to_address').notNull(),
		/** What the message is (reminder, digest, ...), for filters and the notifications page. */
		kind: text('kind').notNull(),
		/** The template it was rendered from (content/emails/<template>.md). */
		template: text('template').notNull(),
		/** Rendered when queued, for lists; the body is rendered from `data` when sent or shown. */
		subject: text('subject').notNull(),
		/** JSON of the template's values. */
		data: text('data').notNull(),
		/** JSON object of extra headers (List-Unsubscribe...). */
		headers: text('headers').notNull(),
		/** The Message-ID every attempt sends, so that a resend after a crash can be recognised. */
		messageId: text('message_id').notNull().unique(),
		/** A caller's key that makes queueing the same message twice do nothing. */
		dedupeKey: text('dedupe_key').unique(),
		status: text('status', { enum: ['queued', 'sent', 'failed'] })
			.notNull()
			.default('queued'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
		claimedBy: text('claimed_by'),
		claimedUntil: integer('claimed_until', { mode: 'timestamp_ms' }),
		lastAttemptAt: integer('last_attempt_at', { mode: 'timestamp_ms' }),
		/** An iCalendar invitation (or cancellation) sent with the message, as a calendar part and an .ics attachment. */
		calendar: text('calendar'),
		/** The relay's last answer, or why the connection failed. */
		lastReply: text('last_reply'),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		// The sender's claim reads queued messages in due order.
		index('mail_outbox_due').on(t.status, t.nextAttemptAt),
		// A person's notifications, newest first, and their unread count.
		index('mail_outbox_person').on(t.personId, t.id),
		// The retention purge, and the outbox page's status filter.
		index('mail_outbox_status_sent').on(t.status, t.sentAt)
	]
);

/**
 * One row per refresher reminder ever queued: (person, competency, cycle, threshold), where the cycle is the expiry
 * date it is about. Inserted with the reminder, on conflict doing nothing, so each is sent once whatever re-runs.
 */
export const reminderKeys = sqliteTable(
	'reminder_keys',
	{
		personId: personRef(),
		competencyId: text('competency_id').notNull(),
		/** The expiry date of the cycle the reminder is about. */
		cycle: text('cycle').notNull(),
		/** 'due-soon', 'final' (7 days) or 'expired'. */
		threshold: text('threshold').notNull(),
		/** The message it went in; not a reference, because sent messages are purged after their retention. */
		outboxId: integer('outbox_id'),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.personId, t.competencyId, t.cycle, t.threshold] }), index('reminder_keys_created').on(t.createdAt)]
);

/** A person's email choices. No row: the defaults (a weekly digest for managers). */
export const mailPreferences = sqliteTable('mail_preferences', {
	personId: integer('person_id')
		.primaryKey()
		.references(() => people.id),
	digest: text('digest', { enum: ['weekly', 'monthly', 'off'] }).notNull(),
	updatedAt: updatedAt()
});

/** What a manager's last digest said, so the next can say what changed. */
export const managerDigests = sqliteTable('manager_digests', {
	personId: integer('person_id')
		.primaryKey()
		.references(() => people.id),
	/** The date of the Monday the last digest was for. */
	slot: text('slot').notNull(),
	/** JSON of the counts it showed. */
	counts: text('counts').notNull(),
	outboxId: integer('outbox_id'),
	sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull()
});

/** The newest message a person has seen on their notifications page; newer ones are unread. */
export const notificationReads = sqliteTable('notification_reads', {
	personId: integer('person_id')
		.primaryKey()
		.references(() => people.id),
	readThrough: integer('read_through').notNull(),
	readAt: integer('read_at', { mode: 'timestamp_ms' }).notNull()
});

/** Secrets the server makes for itself when none is configured (the key that signs unsubscribe links). */
export const appSecrets = sqliteTable('app_secrets', {
	name: text('name').primaryKey(),
	value: text('value').notNull(),
	createdAt: createdAt()
});

/** What the demo's own mail relay received (`npm run demo` only), shown at /admin/mail. */
export const demoMailbox = sqliteTable('demo_mailbox', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
	envelopeFrom: text('envelope_from').notNull(),
	envelopeTo: text('envelope_to').notNull(),
	messageId: text('message_id'),
	subject: text('subject').notNull(),
	textBody: text('text_body').notNull(),
	/** JSON array of [name, value] header lines, as received. */
	headers: text('headers').notNull(),
	size: integer('size').notNull()
});

/**
 * Single-use links by email (src/lib/server/auth/tokens.ts): activation (7 days) and password reset (1 hour).
 * The id is the SHA-256 of the token in the link; the token itself is never stored. A newer link for the same
 * person and purpose replaces the older one; using one deletes every link of the person.
 */
export const accountTokens = sqliteTable(
	'account_tokens',
	{
		id: text('id').primaryKey(),
		personId: personRef(),
		purpose: text('purpose', { enum: ['activation', 'reset'] }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('account_tokens_person').on(t.personId, t.purpose), index('account_tokens_expires').on(t.expiresAt)]
);

/**
 * Requests that send mail or start work elsewhere without a password (a password-reset request, the start of a
 * single sign-on), by the address typed and the network address, for throttling (src/lib/server/auth/request-throttle.ts).
 */
export const authRequests = sqliteTable(
	'auth_requests',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: ['password-reset', 'sso-start'] }).notNull(),
		email: text('email').notNull(),
		address: text('address').notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('auth_requests_email').on(t.kind, t.email, t.at),
		index('auth_requests_address').on(t.kind, t.address, t.at),
		index('auth_requests_at').on(t.at)
	]
);

/**
 * Roster imports being applied, and their outcome. An apply runs in chunks of its own transactions so that other
 * requests are served between them; this row is its progress, and the one-at-a-time lock for its organisation.
 */
export const rosterImports = sqliteTable(
	'roster_imports',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id),
		actorId: integer('actor_id')
			.notNull()
			.references(() => people.id),
		fileName: text('file_name').notNull(),
		sha256: text('sha256').notNull(),
		status: text('status', { enum: ['applying', 'done', 'failed'] }).notNull(),
		/** Rows of the plan that change someone, and how many of them have been dealt with so far. */
		total: integer('total').notNull(),
		done: integer('done').notNull(),
		/** JSON of the plan's counts, and when finished the lines skipped because their record changed meanwhile. */
		counts: text('counts').notNull(),
		skippedLines: text('skipped_lines').notNull().default('[]'),
		message: text('message'),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		/** Touched by every chunk: an apply not touched for a while was interrupted (the server stopped). */
		updatedAt: updatedAt(),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('roster_imports_organisation').on(t.organisationId, t.startedAt),
		// One import at a time per organisation, even if two applies race.
		uniqueIndex('roster_imports_one_applying')
			.on(t.organisationId)
			.where(sql`${t.status} = 'applying'`)
	]
);

/**
 * A practical training session (restraint, personal safety...) that a trainer or training manager schedules and
 * learners book. Times are UTC instants; forms and pages speak Europe/London wall time (practical/london-time.ts).
 * `bookedCount` is the number of places taken: a booking raises it only `where booked_count < capacity`, so that
 * capacity holds under simultaneous bookings on any database.
 */
export const practicalSessions = sqliteTable(
	'practical_sessions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The organisation that runs it: its trainers take the register, its managers see the bookings. */
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id),
		title: text('title').notNull(),
		venue: text('venue').notNull(),
		startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
		endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
		bookingClosesAt: integer('booking_closes_at', { mode: 'timestamp_ms' }).notNull(),
		capacity: integer('capacity').notNull(),
		bookedCount: integer('booked_count').notNull().default(0),
		status: text('status', { enum: ['scheduled', 'cancelled'] })
			.notNull()
			.default('scheduled'),
		cancelReason: text('cancel_reason'),
		/** The iCalendar SEQUENCE: raised by every change people are told about. */
		sequence: integer('sequence').notNull().default(0),
		createdBy: integer('created_by')
			.notNull()
			.references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('practical_sessions_starts').on(t.startsAt), index('practical_sessions_org').on(t.organisationId, t.startsAt)]
);

/** The competencies a session assesses. */
export const practicalSessionCompetencies = sqliteTable(
	'practical_session_competencies',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => practicalSessions.id),
		competencyId: text('competency_id').notNull()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.competencyId] }), index('practical_session_competencies_competency').on(t.competencyId)]
);

/** The trainers who run a session and take its register. */
export const practicalSessionTrainers = sqliteTable(
	'practical_session_trainers',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => practicalSessions.id),
		personId: personRef()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('practical_session_trainers_person').on(t.personId)]
);

/**
 * Who may book: a person may when, for each kind with rows, one row matches them (no rows of a kind: anyone).
 * `ref` is an organisation id or unit id (as text) or a job role id.
 */
export const practicalSessionAudience = sqliteTable(
	'practical_session_audience',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => practicalSessions.id),
		kind: text('kind', { enum: ['organisation', 'unit', 'job-role'] }).notNull(),
		ref: text('ref').notNull()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.kind, t.ref] })]
);

/**
 * A place on a session or on its waiting list (in order of `id`). A cancelled booking is kept, for the record.
 * The register fills `attendance` and, for an attendee, `outcome` with the assessment it recorded.
 */
export const practicalBookings = sqliteTable(
	'practical_bookings',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sessionId: integer('session_id')
			.notNull()
			.references(() => practicalSessions.id),
		personId: personRef(),
		status: text('status', { enum: ['booked', 'waiting', 'cancelled'] }).notNull(),
		attendance: text('attendance', { enum: ['attended', 'absent', 'left-early'] }),
		outcome: text('outcome', { enum: ['competent', 'not-yet-competent'] }),
		notes: text('notes'),
		bookedAt: integer('booked_at', { mode: 'timestamp_ms' }).notNull(),
		cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		// One live booking a person a session; cancelled ones stay beside it.
		uniqueIndex('practical_bookings_live')
			.on(t.sessionId, t.personId)
			.where(sql`status <> 'cancelled'`),
		index('practical_bookings_session').on(t.sessionId, t.status, t.id),
		index('practical_bookings_person').on(t.personId, t.status)
	]
);

export type PracticalSession = typeof practicalSessions.$inferSelect;
export type PracticalBooking = typeof practicalBookings.$inferSelect;

/**
 * Learner evaluation (Kirkpatrick level 1): one row per survey answer, anonymous to the person's managers. It holds no
 * person id and no time finer than the month, and its id is random, so that nothing joins it to `survey_answered`
 * or to the person's completions. Created WITHOUT ROWID (drizzle/0000_baseline.sql; drizzle-kit cannot write it), so that not
 * even SQLite's hidden row numbers give away the order answers came in. The organisation, unit and job role are
 * kept for scope and filters; aggregates leave the page only under disclosure control (reporting/disclosure.ts).
 */
export const surveyResponses = sqliteTable(
	'survey_responses',
	{
		/** Random (not a sequence), so that ids do not say which answer came after which. */
		id: text('id').primaryKey(),
		kind: text('kind', { enum: ['module', 'scenario'] }).notNull(),
		subjectSlug: text('subject_slug').notNull(),
		subjectVersion: text('subject_version').notNull(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id),
		unitId: integer('unit_id')
			.notNull()
			.references(() => units.id),
		jobRole: text('job_role').notNull(),
		/** 'YYYY-MM' in London: the only time kept. */
		month: text('month').notNull(),
		/** The free-text answer, or null. Shown to administrators only, and only for groups above the threshold. */
		comment: text('comment')
	},
	(t) => [
		index('survey_responses_subject').on(t.kind, t.subjectSlug, t.subjectVersion),
		// The overview counts answers per subject within a scope of organisations or units: read from these alone.
		index('survey_responses_organisation_subject').on(t.organisationId, t.kind, t.subjectSlug),
		index('survey_responses_unit_subject').on(t.unitId, t.kind, t.subjectSlug)
	]
);

/** Each rating of an answer (1 to 5), by the item's id in content/surveys.yaml. */
export const surveyRatings = sqliteTable(
	'survey_ratings',
	{
		responseId: text('response_id')
			.notNull()
			.references(() => surveyResponses.id),
		itemId: text('item_id').notNull(),
		rating: integer('rating').notNull()
	},
	(t) => [primaryKey({ columns: [t.responseId, t.itemId] })]
);

/**
 * Who has answered the survey for which module or scenario version: what refuses a second answer. Nothing here
 * points at the answer (no id, no time), and it is WITHOUT ROWID too.
 */
export const surveyAnswered = sqliteTable(
	'survey_answered',
	{
		personId: personRef(),
		kind: text('kind', { enum: ['module', 'scenario'] }).notNull(),
		subjectSlug: text('subject_slug').notNull(),
		subjectVersion: text('subject_version').notNull()
	},
	(t) => [primaryKey({ columns: [t.personId, t.kind, t.subjectSlug, t.subjectVersion] })]
);

/**
 * Training a manager (or the system, when content changes) assigned: a module, a scenario or a competency (`kind`,
 * `ref`), to one person, a unit, a job role within an organisation or unit, or (system) everyone in an organisation
 * who needs retraining. `organisationId` and `unitId` say whose it is, for scope: the target's organisation, and its
 * unit when the target lies within one. The people it reached are fixed when it is made (assignment_people).
 */
export const assignments = sqliteTable(
	'assignments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: ['module', 'scenario', 'competency'] }).notNull(),
		ref: text('ref').notNull(),
		targetKind: text('target_kind', { enum: ['person', 'unit', 'job-role', 'content-change'] }).notNull(),
		targetPersonId: integer('target_person_id').references(() => people.id),
		jobRole: text('job_role'),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id),
		unitId: integer('unit_id').references(() => units.id),
		/** The London date it was made: evidence dated on or after it meets it. */
		assignedOn: text('assigned_on').notNull(),
		/** The due date given when made (each person's own, after extensions, is in assignment_people). */
		dueOn: text('due_on').notNull(),
		reason: text('reason').notNull(),
		/** For a retraining: the content's major version that evidence must be on to meet it. */
		minVersion: integer('min_version'),
		/** For one made by the system: what makes it unique, so the periodic job makes it once. */
		systemKey: text('system_key'),
		createdBy: integer('created_by').references(() => people.id),
		createdAt: createdAt(),
		cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
		cancelledBy: integer('cancelled_by').references(() => people.id),
		cancelReason: text('cancel_reason')
	},
	(t) => [
		index('assignments_org').on(t.organisationId, t.id),
		index('assignments_unit').on(t.unitId, t.id),
		// A manager's own assignments, for their digest.
		index('assignments_created_by').on(t.createdBy, t.id),
		uniqueIndex('assignments_system_key').on(t.systemKey)
	]
);

/** The competencies an assignment counts towards (its own, or those of its module or scenario), for due dates. */
export const assignmentCompetencies = sqliteTable(
	'assignment_competencies',
	{
		assignmentId: integer('assignment_id')
			.notNull()
			.references(() => assignments.id),
		competencyId: text('competency_id').notNull()
	},
	(t) => [primaryKey({ columns: [t.assignmentId, t.competencyId] })]
);

/** One person an assignment reached, with their own due date (after extensions) and when it was met. */
export const assignmentPeople = sqliteTable(
	'assignment_people',
	{
		assignmentId: integer('assignment_id')
			.notNull()
			.references(() => assignments.id),
		personId: personRef(),
		dueOn: text('due_on').notNull(),
		metOn: text('met_on'),
		metEvidenceId: integer('met_evidence_id'),
		metAt: integer('met_at', { mode: 'timestamp_ms' })
	},
	(t) => [primaryKey({ columns: [t.assignmentId, t.personId] }), index('assignment_people_person').on(t.personId, t.metAt)]
);

export type Assignment = typeof assignments.$inferSelect;

/**
 * A number per person that moves with every write to what their own training pages read: evidence, statuses, module
 * progress, attempts and completions, scenario runs and assignments. Kept by triggers (migration learner_versions),
 * so no writer can forget it; a page keeps what it derived for the person while the number is unchanged
 * (db/person-cache.ts). No row yet means 0. No foreign key: it is a counter, and outlives nothing it describes.
 */
export const learnerVersions = sqliteTable('learner_versions', {
	personId: integer('person_id').primaryKey(),
	version: integer('version').notNull()
});

/**
 * Insight aggregates (src/lib/server/insights/): small tables kept exact by the code that writes the raw rows, in
 * the same transaction, so the /insights pages never scan the millions of steps and attempts. Each counts rows under
 * the organisation, unit and job role the person had when they acted, and the UTC month it happened in. Backfilled
 * from the raw rows by a hand-written migration (insights/backfill.ts holds the same statements).
 */

/** Decisions taken: one count per scenario version, decision point, choice, lateness and group. */
export const scenarioChoiceCounts = sqliteTable(
	'scenario_choice_counts',
	{
		scenarioSlug: text('scenario_slug').notNull(),
		scenarioVersion: text('scenario_version').notNull(),
		fromState: text('from_state').notNull(),
		/** The choice the learner made (even when it came too late and the hesitate event was applied). */
		event: text('event').notNull(),
		late: integer('late').notNull(),
		...countedGroup(),
		/** YYYY-MM, UTC. */
		month: text('month').notNull(),
		/** 1 when the step belongs to the person's first run of this scenario. */
		firstAttempt: integer('first_attempt').notNull(),
		/** 1 when the person had passed this scenario before the run started. */
		refresher: integer('refresher').notNull(),
		n: integer('n').notNull()
	},
	(t) => [
		primaryKey({
			columns: [t.scenarioSlug, t.scenarioVersion, t.fromState, t.event, t.late, t.organisationId, t.unitId, t.jobRole, t.month, t.firstAttempt, t.refresher]
		}),
		// Covering, organisation first: an organisation's figures are read from this index alone, already in group order.
		index('scenario_choice_counts_read').on(
			t.scenarioSlug,
			t.scenarioVersion,
			t.organisationId,
			t.fromState,
			t.event,
			t.late,
			t.firstAttempt,
			t.refresher,
			t.month,
			t.unitId,
			t.jobRole,
			t.n
		)
	]
);

/** Finished runs with a result (not abandoned), by attempt number (5 meaning five or more) and pass. */
export const scenarioRunCounts = sqliteTable(
	'scenario_run_counts',
	{
		scenarioSlug: text('scenario_slug').notNull(),
		scenarioVersion: text('scenario_version').notNull(),
		...countedGroup(),
		/** YYYY-MM of the finish, UTC. */
		month: text('month').notNull(),
		attempt: integer('attempt').notNull(),
		refresher: integer('refresher').notNull(),
		passed: integer('passed').notNull(),
		n: integer('n').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.scenarioSlug, t.scenarioVersion, t.organisationId, t.unitId, t.jobRole, t.month, t.attempt, t.refresher, t.passed] }),
		index('scenario_run_counts_read').on(
			t.scenarioSlug,
			t.scenarioVersion,
			t.organisationId,
			t.attempt,
			t.passed,
			t.refresher,
			t.month,
			t.unitId,
			t.jobRole,
			t.n
		)
	]
);

/**
 * First attempts at a module version, per question: the answer given (the JSON array of option ids, as stored in
 * quiz_attempts.answers) and the attempt's score, so that facility and discrimination need no raw attempts.
 */
export const quizAnswerCounts = sqliteTable(
	'quiz_answer_counts',
	{
		moduleSlug: text('module_slug').notNull(),
		moduleVersion: text('module_version').notNull(),
		questionId: text('question_id').notNull(),
		answer: text('answer').notNull(),
		score: integer('score').notNull(),
		...countedGroup(),
		n: integer('n').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.moduleSlug, t.moduleVersion, t.questionId, t.answer, t.score, t.organisationId, t.unitId, t.jobRole] }),
		index('quiz_answer_counts_read').on(t.moduleSlug, t.moduleVersion, t.organisationId, t.questionId, t.answer, t.score, t.unitId, t.jobRole, t.n)
	]
);

/**
 * scenario_choice_counts without month, unit, job role and refresher: what the unfiltered scenario choices page of an
 * organisation (or of everyone) reads, a few hundred rows an organisation instead of tens of thousands.
 */
export const scenarioChoiceTotals = sqliteTable(
	'scenario_choice_totals',
	{
		scenarioSlug: text('scenario_slug').notNull(),
		scenarioVersion: text('scenario_version').notNull(),
		organisationId: integer('organisation_id').notNull(),
		fromState: text('from_state').notNull(),
		event: text('event').notNull(),
		late: integer('late').notNull(),
		firstAttempt: integer('first_attempt').notNull(),
		n: integer('n').notNull()
	},
	(t) => [primaryKey({ columns: [t.scenarioSlug, t.scenarioVersion, t.organisationId, t.fromState, t.event, t.late, t.firstAttempt] })]
);
