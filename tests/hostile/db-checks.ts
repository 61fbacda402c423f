import type Database from 'better-sqlite3';
import { tableDigests, type RecordTable } from '../e2e-db';
import type { highWaterMarks, Sandbox } from './sandbox';

type Marks = ReturnType<typeof highWaterMarks>;

/** Every row the fuzzer had no right to touch: outside the sandbox's people and organisation, and older than the run. */
export function outsideSandbox(s: Sandbox, marks: Marks): Partial<Record<RecordTable, string>> {
	const mine = `(${s.learner.id}, ${s.target.id})`;
	const theirs = `person_id not in ${mine} and person_id <= ${marks.people}`;
	const outsideSessions = `session_id in (select id from practical_sessions where organisation_id <> ${s.organisationId})`;
	return {
		organisations: `id <> ${s.organisationId} and id <= ${marks.organisations}`,
		units: `organisation_id <> ${s.organisationId} and id <= ${marks.units}`,
		people: `id not in ${mine} and id <= ${marks.people}`,
		role_grants: theirs,
		audit_log: `id <= ${marks.audit}`,
		module_progress: theirs,
		quiz_attempts: theirs,
		module_completions: theirs,
		reflections: theirs,
		scenario_runs: theirs,
		scenario_steps: `run_id in (select id from scenario_runs where ${theirs})`,
		evidence: theirs,
		assessments: theirs,
		competency_status: theirs,
		competency_cycles: theirs,
		sso_providers: `organisation_id <> ${s.organisationId}`,
		sso_domains: `organisation_id <> ${s.organisationId}`,
		sso_links: theirs,
		mail_preferences: theirs,
		practical_sessions: `organisation_id <> ${s.organisationId}`,
		practical_session_competencies: outsideSessions,
		practical_session_trainers: outsideSessions,
		practical_session_audience: outsideSessions,
		practical_bookings: outsideSessions,
		prior_learning_claims: theirs,
		survey_responses: `organisation_id <> ${s.organisationId}`,
		survey_ratings: `response_id in (select id from survey_responses where organisation_id <> ${s.organisationId})`,
		survey_answered: theirs,
		assignments: `organisation_id <> ${s.organisationId}`,
		assignment_competencies: `assignment_id in (select id from assignments where organisation_id <> ${s.organisationId})`,
		assignment_people: `assignment_id in (select id from assignments where organisation_id <> ${s.organisationId})`
	};
}

export const digestOutside = (db: Database.Database, s: Sandbox, marks: Marks) => tableDigests(db, outsideSandbox(s, marks));

/** The forms' rules on control characters (C0, DEL and C1): none in one-line text, only tabs and line breaks in a text box. */
const NUL = (column: string) => `instr(${column}, char(0)) > 0`;
const oneLineControl = (column: string) => `(${NUL(column)} or ${column} glob '*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*')`;
const textBoxControl = (column: string) =>
	`(${NUL(column)} or ${column} glob '*[' || char(1) || '-' || char(8) || char(11) || char(12) || char(14) || '-' || char(31) || char(127) || '-' || char(159) || ']*')`;
const badText = (column: string, max: number) =>
	`(${column} <> trim(${column}) or length(${column}) < 1 or length(${column}) > ${max} or ${oneLineControl(column)})`;
const badDate = (column: string) =>
	`(${column} is not null and (${column} not glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' or date(${column}) is not ${column}))`;

/**
 * Rules every stored row must keep, whatever was posted: the same rules the forms enforce. Each query returns
 * the offending rows; all must be empty.
 */
export const INVARIANTS: Record<string, string> = {
	'people with a bad name, email, workforce id or date': `select id, name, email, workforce_id from people where ${badText('name', 120)} or email <> lower(trim(email)) or email not like '%_@_%' or length(email) > 254
		or ${badText('workforce_id', 40)} or workforce_id glob '*[^A-Za-z0-9 /-]*' or ${badDate('start_date')} or ${badDate('left_date')}
		or status not in ('active', 'left') or (status = 'left') <> (left_date is not null)`,
	'people whose unit belongs to another organisation':
		'select p.id from people p join units u on u.id = p.unit_id where u.organisation_id <> p.organisation_id',
	'organisations with a bad name or kind': `select id, name from organisations where ${badText('name', 120)} or kind not in ('police', 'nhs', 'ambulance', 'local-authority', 'other')`,
	'units with a bad name': `select id, name from units where ${badText('name', 120)}`,
	'grants with a scope their role does not take': `select id from role_grants where role not in ('trainer', 'manager', 'partnership-lead', 'admin')
		or (role = 'manager' and (organisation_id is null) = (unit_id is null))
		or (role = 'trainer' and (organisation_id is null or unit_id is not null))
		or (role in ('admin', 'partnership-lead') and (organisation_id is not null or unit_id is not null))`,
	'assessments with bad notes, date or outcome': `select id from assessments where length(notes) > 2000 or ${textBoxControl('notes')} or outcome not in ('competent', 'not-yet-competent') or ${badDate('assessed_on')} or assessed_on > date('now', '+1 day')`,
	'reflections over 5,000 characters or with control characters': `select person_id from reflections where length(body) > 5000 or ${textBoxControl('body')}`,
	'corrections with a bad reason': `select id from evidence where voids_id is not null and ${badText('reason', 500)}`,
	'corrections of evidence that is not the same person’s':
		'select v.id from evidence v left join evidence e on e.id = v.voids_id where v.voids_id is not null and (e.id is null or e.person_id <> v.person_id or e.voids_id is not null)',
	'evidence voided twice': 'select voids_id from evidence where voids_id is not null group by voids_id having count(*) > 1',
	'single sign-on settings the form would refuse': `select organisation_id from sso_providers where (issuer not like 'https://%' and issuer not like 'http://localhost:%' and issuer not like 'http://127.0.0.1:%')
		or client_secret not like 'v1.%' or length(client_id) < 1 or length(client_id) > 200 or client_id glob '*[ ' || char(9) || ']*' or length(issuer) > 500`,
	'single sign-on domains that are not lower-case domain names': `select domain from sso_domains where domain <> lower(domain) or domain glob '*[^a-z0-9.-]*' or domain not like '%_._%' or length(domain) > 253`,
	'email preferences with a value the form does not offer': "select person_id from mail_preferences where digest not in ('weekly', 'monthly', 'off')",
	'prior learning claims the form would refuse': `select id from prior_learning_claims where ${badText('provider', 200)} or length(notes) > 2000 or ${textBoxControl('notes')}
		or ${badDate('completed_on')} or completed_on > date('now', '+1 day') or completed_on < '1990-01-01'
		or file_type not in ('application/pdf', 'image/png', 'image/jpeg') or file_size < 1 or file_size > 5242880 or file_size <> length(file)
		or length(file_sha256) <> 64 or file_sha256 glob '*[^0-9a-f]*' or status not in ('pending', 'approved', 'rejected')
		or (status = 'pending') <> (reviewed_by is null) or (status = 'rejected' and (review_reason is null or length(review_reason) > 1000))
		or reviewed_by = person_id or reviewed_by = submitted_by`,
	'approved prior learning without its evidence, or evidence without its approval': `select c.id from prior_learning_claims c
		where (c.status = 'approved') <> exists (select 1 from evidence e where e.kind = 'prior-learning' and e.ref = cast(c.id as text) and e.person_id = c.person_id and e.competency_id = c.competency_id and e.occurred_on = c.completed_on and e.recorded_by = c.reviewed_by)`,
	'survey answers with a bad comment, month or kind': `select id from survey_responses where length(comment) > 2000 or comment = '' or comment <> trim(comment) or ${textBoxControl('comment')}
		or month not glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]' or kind not in ('module', 'scenario')`,
	'survey ratings outside 1 to 5': "select response_id from survey_ratings where rating not between 1 and 5 or typeof(rating) <> 'integer'",
	'survey answers without a rating for each item': 'select id from survey_responses r where (select count(*) from survey_ratings where response_id = r.id) < 3',
	// Each stored answer has its "has answered" mark and each mark its answer: never two answers from one person.
	'survey answers and "has answered" marks that do not match in number': `select kind, subject_slug, subject_version from survey_responses group by 1, 2, 3
		having count(*) <> (select count(*) from survey_answered a where a.kind = survey_responses.kind and a.subject_slug = survey_responses.subject_slug and a.subject_version = survey_responses.subject_version)`,
	'rows whose references point nowhere': 'pragma foreign_key_check'
};

export function brokenInvariants(db: Database.Database): Record<string, unknown[]> {
	const out: Record<string, unknown[]> = {};
	for (const [name, sql] of Object.entries(INVARIANTS)) {
		const rows = db.prepare(sql).all();
		if (rows.length) out[name] = rows.slice(0, 5);
	}
	return out;
}

/**
 * Every row the run added has the audit entry its form writes: no write went around the domain code. The counts
 * of new rows must equal the counts of the matching audit actions logged since the run began.
 */
export function unauditedWrites(db: Database.Database, marks: Marks, s: Sandbox): string[] {
	const audited = (action: string) =>
		(db.prepare('select count(*) as n from audit_log where id > ? and action = ?').get(marks.audit, action) as { n: number }).n;
	const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
	const pairs: [string, number, number][] = [
		['organisations', count(`select count(*) as n from organisations where id > ${marks.organisations}`), audited('organisation-create')],
		['units', count(`select count(*) as n from units where id > ${marks.units}`), audited('unit-create')],
		['people', count(`select count(*) as n from people where id > ${marks.people}`), audited('person-create')],
		['assessments', count(`select count(*) as n from assessments where person_id = ${s.target.id}`) - 1, audited('assessment-record')],
		['evidence corrections', count(`select count(*) as n from evidence where voids_id is not null and person_id = ${s.target.id}`), audited('evidence-void')],
		['prior learning claims', count(`select count(*) as n from prior_learning_claims where id > ${marks.priorLearning}`), audited('prior-learning-submit')],
		[
			'prior learning decisions',
			count(`select count(*) as n from prior_learning_claims where person_id in (${s.learner.id}, ${s.target.id}) and reviewed_by is not null`),
			audited('prior-learning-approve') + audited('prior-learning-reject')
		],
		// At most one answer, from the sandbox learner, for the module they completed; each with its audit entry.
		['survey answers', count(`select count(*) as n from survey_answered where person_id = ${s.learner.id}`), audited('survey-answered')],
		// The learner's digest preference is set at most once per change: a row exists only if some change was audited.
		[
			'email preferences',
			count(`select count(*) as n from mail_preferences where person_id = ${s.learner.id}`),
			Math.min(1, audited('mail-preferences-update'))
		]
	];
	return pairs.filter(([, rows, entries]) => rows !== entries).map(([what, rows, entries]) => `${what}: ${rows} new rows, ${entries} audit entries`);
}
