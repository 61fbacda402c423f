import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type Database from 'better-sqlite3';
import { one, personId } from '../e2e-db';
import { DEMO_PASSWORD } from '../helpers';
import { waitForLink } from '../mailbox';
import { post, send, signInAs, VISITOR, type Session } from './http';
import { unsubscribeToken } from '../../src/lib/server/mail/unsubscribe-token';
import { certificatePdf } from '../../scripts/demo/certificate-pdf';

/**
 * An organisation of its own for the fuzzer to write to, made through the admin forms, so that valid writes
 * by generated input land here and never in the demo records other tests read.
 *   learner: trains, manages and imports for the sandbox; posts the learner, trainer and manager forms.
 *   target:  the person the administrator and trainer forms are aimed at.
 */
export type Sandbox = {
	organisationId: number;
	unitId: number;
	learner: { id: number; session: Session };
	target: { id: number };
	admin: Session;
	run: { slug: string; id: number };
	moduleSlug: string;
	/** The learner's one-click unsubscribe token, signed as the server signs it. */
	unsubscribe: string;
	/** Practical sessions of the sandbox's: one to book and leave, one for the cancel form. */
	sessions: { booking: number; cancelling: number };
	/** Training the learner (a manager of the sandbox) assigned to the target, for the extend and cancel forms. */
	assignment: number;
	/** Ids of other people's records, posted in forms where only the sandbox's own belong. */
	foreign: { grants: string[]; evidence: string[]; runs: string[] };
	/** The target's prior learning claims, recorded by the administrator (so the learner may decide them), and others'. */
	priorLearning: { claims: string[]; foreign: string[] };
};

const SCENARIO = 'suspected-abd';
const MODULE = 'de-escalation';
const MODULE_QUIZ = 'content/modules/03-de-escalation.quiz.yaml';

export async function makeSandbox(baseURL: string, db: Database.Database): Promise<Sandbox> {
	const admin = await signInAs(baseURL, 'admin@demo.test', DEMO_PASSWORD);
	const org = await post(baseURL, admin, '/admin/organisations?/create', { name: 'Hostile Input Sandbox', kind: 'other' });
	const organisationId = Number(org.location.split('/').pop());
	const unit = await post(baseURL, admin, `/admin/organisations/${organisationId}?/createUnit`, { name: 'Sandbox Unit', kind: 'other', borough: '' });
	const unitId = Number(new URL(unit.location, baseURL).searchParams.get('added'));
	const person = async (name: string, email: string, workforceId: string) => {
		const created = await post(baseURL, admin, '/admin/people/new', {
			name,
			email,
			organisationId: String(organisationId),
			unitId: String(unitId),
			jobRole: 'police-constable',
			workforceId,
			startDate: '2020-01-06'
		});
		return Number(new URL(created.location, baseURL).pathname.split('/').pop());
	};
	const learnerId = await person('Sandbox Learner', 'sandbox.learner@hostile.test', 'SBX-1');
	const targetId = await person('Sandbox Target', 'sandbox.target@hostile.test', 'SBX-2');
	for (const role of ['trainer', 'manager']) await post(baseURL, admin, `/admin/people/${learnerId}?/grant`, { role, scope: `org:${organisationId}` }, 200);

	// The learner chooses a password from the activation link emailed when they were added.
	const password = 'sandbox-learner-password';
	const link = await waitForLink(db, 'sandbox.learner@hostile.test', 'activate');
	await post(baseURL, VISITOR, link, { password, confirm: password });
	const session = await signInAs(baseURL, 'sandbox.learner@hostile.test', password);

	// Some evidence of the target's, so the void form has records of its own to aim at, and a run of the learner's.
	await post(
		baseURL,
		session,
		`/assess/${targetId}`,
		{ competencyId: 'safe-restraint', assessedOn: '2025-06-02', outcome: 'competent', notes: 'Sandbox' },
		200
	);
	const started = await post(baseURL, session, `/scenarios/${SCENARIO}?/start`, {});
	const runId = Number(started.location.split('/').pop());
	expect(runId).toBeGreaterThan(0);
	const modulePage = await send(baseURL, session, `/modules/${MODULE}`, null);
	expect(modulePage.status).toBe(200);

	// The module completed through its forms, so that the learner's survey form (offered after completion) is fuzzed
	// past its first check.
	for (const [, section] of modulePage.text.matchAll(/name="section" value="([^"]+)"/g)) await post(baseURL, session, `/modules/${MODULE}?/read`, { section });
	const quiz = parseYaml(readFileSync(MODULE_QUIZ, 'utf8')) as { questions: { id: string; options: { id: string; correct: boolean }[] }[] };
	const answers = quiz.questions.flatMap((q) => q.options.filter((o) => o.correct).map((o): [string, string] => [`q:${q.id}`, o.id]));
	const submitted = await send(baseURL, session, `/modules/${MODULE}?/submit`, { kind: 'urlencoded', entries: answers });
	expect(submitted.text, 'the sandbox learner completes the module').toContain('You have completed this module');

	// Two practical sessions the learner (a trainer of the sandbox) schedules through the form.
	const schedule = async (title: string) => {
		const created = await post(baseURL, session, '/sessions/new', {
			organisationId: String(organisationId),
			title,
			venue: 'Sandbox room',
			date: '2030-06-03',
			startTime: title.includes('cancel') ? '13:00' : '09:00',
			endTime: title.includes('cancel') ? '15:00' : '12:00',
			capacity: '3',
			competencyIds: 'safe-restraint',
			trainerIds: String(learnerId)
		});
		return Number(created.location.split('/').pop());
	};
	const sessions = { booking: await schedule('Sandbox session'), cancelling: await schedule('Sandbox session to cancel') };

	// Two prior learning claims for the target, recorded by the administrator with a real PDF.
	for (const provider of ['Sandbox provider one', 'Sandbox provider two']) {
		const reply = await send(baseURL, admin, `/manage/people/${targetId}/prior-learning?/claim`, {
			kind: 'multipart',
			entries: [
				['competencyId', 'safe-restraint'],
				['completedOn', '2025-05-01'],
				['provider', provider]
			],
			files: [['certificate', { filename: 'certificate.pdf', type: 'application/pdf', bytes: certificatePdf(['Sandbox certificate']) }]]
		});
		expect(reply.status, `record prior learning for the sandbox target: ${reply.text.slice(0, 300)}`).toBe(200);
	}
	const assigned = await post(baseURL, session, '/manage/assignments/new', {
		what: `module:${MODULE}`,
		to: `person:${targetId}`,
		// A due date may be at most two years ahead: a year from today.
		dueOn: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
		reason: 'Sandbox'
	});
	const assignment = Number(/\/manage\/assignments\/(\d+)/.exec(assigned.location)![1]);

	const officer = personId(db, 'officer@demo.test');
	const ids = (sql: string, ...params: unknown[]) =>
		(
			db
				.prepare(sql)
				.raw()
				.all(...params) as [number][]
		).map(([id]) => String(id));
	return {
		organisationId,
		unitId,
		learner: { id: learnerId, session },
		target: { id: targetId },
		admin,
		run: { slug: SCENARIO, id: runId },
		moduleSlug: MODULE,
		sessions,
		assignment,
		unsubscribe: unsubscribeToken(one<string>(db, "select value from app_secrets where name = 'signing-key'"), learnerId, 'digest'),
		foreign: {
			grants: ids('select id from role_grants where person_id not in (?, ?) order by id limit 10', learnerId, targetId),
			evidence: ids('select id from evidence where person_id = ? order by id limit 5', officer),
			runs: ids('select id from scenario_runs where person_id = ? order by id limit 3', officer)
		},
		priorLearning: {
			claims: ids('select id from prior_learning_claims where person_id = ? order by id', targetId),
			foreign: ids('select id from prior_learning_claims where person_id not in (?, ?) order by id limit 3', learnerId, targetId)
		}
	};
}

/** The largest id of each table before the fuzzing starts: anything above was made by it. */
export function highWaterMarks(db: Database.Database) {
	const max = (table: string) => one<number | null>(db, `select max(${table === 'audit_log' ? 'id' : 'rowid'}) from ${table}`) ?? 0;
	return {
		organisations: max('organisations'),
		units: max('units'),
		people: max('people'),
		audit: max('audit_log'),
		priorLearning: max('prior_learning_claims')
	};
}
