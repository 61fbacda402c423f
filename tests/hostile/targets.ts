import type Database from 'better-sqlite3';
import { FINGERPRINTS } from './roster-files';
import type { Sandbox } from './sandbox';

/**
 * Where and as whom each form action is fuzzed. Every action found in src/routes must have an entry, or the
 * hostile-input test fails. Callers are chosen so that the generated input reaches the action's checks
 * (an administrator for admin forms, the sandbox learner for their own), and paths point into the sandbox.
 * Field names and offered values come from the rendered form; `samples` adds or narrows them.
 */
export type FuzzTarget = {
	caller: 'visitor' | 'admin' | 'learner';
	path: (s: Sandbox) => string;
	runs: number;
	samples?: (s: Sandbox, db: Database.Database) => Record<string, string[]>;
	/** Sends files of this kind as multipart uploads. */
	files?: 'roster' | 'certificate';
};

const ids = (db: Database.Database, sql: string, ...params: unknown[]) =>
	(
		db
			.prepare(sql)
			.raw()
			.all(...params) as [number][]
	).map(([id]) => String(id));

/** Organisation, unit and scope choices narrowed to the sandbox, so that valid writes stay inside it. */
const inSandbox = (s: Sandbox) => ({
	organisationId: [String(s.organisationId), '0', '-1', '999999', 'abc'],
	unitId: [String(s.unitId), '0', '999999', '1.5'],
	scope: [`org:${s.organisationId}`, `unit:${s.unitId}`, '', 'org:0', 'unit:999999', 'org:', 'everything']
});
const CLAIM_SAMPLES = {
	competencyId: ['safe-restraint', 'de-escalation', 'families-carers', 'no-such-competency', ''],
	completedOn: ['2025-06-03', '2999-01-01', '1989-12-31', '2025-02-30', 'yesterday'],
	provider: ['A previous force', '', 'tab\there', 'x'.repeat(201)]
};
const DECISION_SAMPLES = { decision: ['approve', 'reject', 'APPROVE', ''], reason: ['', 'Not the right standard', 'x'.repeat(1001), '\u0001'] };
const person = (s: Sandbox) => `/admin/people/${s.target.id}`;

export const FUZZ_TARGETS: Record<string, FuzzTarget> = {
	'POST /login?/default': {
		caller: 'visitor',
		path: () => '/login',
		runs: 160,
		samples: () => ({
			// An address in the demo's single sign-on domain that no other test signs in with: starting single sign-on is
			// throttled by address typed, and sso.e2e.ts's paramedic must not be held up by the fuzzer's starts.
			email: ['someone@hostile.test', 'SOMEONE@HOSTILE.TEST ', 'fuzz.paramedic@las.demo.test'],
			password: ['', 'wrong-password'],
			redirectTo: ['/training', '//evil.example', 'https://evil.example', '/\\evil.example']
		})
	},
	'POST /logout?/default': { caller: 'visitor', path: () => '/logout', runs: 100 },
	// Anyone, no session. Known addresses are the sandbox's own; requests are throttled per address typed (429).
	'POST /forgot-password?/default': {
		caller: 'visitor',
		path: () => '/forgot-password',
		runs: 120,
		samples: () => ({ email: ['sandbox.target@hostile.test', 'SANDBOX.LEARNER@hostile.test ', 'nobody@hostile.test', 'someone@las.demo.test'] })
	},
	// A link nobody was sent: whatever the passwords, nothing can be set (400 or 409).
	'POST /activate/[token]?/default': {
		caller: 'visitor',
		path: () => `/activate/${'a'.repeat(32)}`,
		runs: 80,
		samples: () => ({ password: ['a-long-enough-password', 'short'], confirm: ['a-long-enough-password', 'different-password'] })
	},
	'POST /reset-password/[token]?/default': {
		caller: 'visitor',
		path: () => `/reset-password/${'b'.repeat(32)}`,
		runs: 80,
		samples: () => ({ password: ['a-long-enough-password', 'short'], confirm: ['a-long-enough-password', 'different-password'] })
	},
	'POST /account?/email': {
		caller: 'learner',
		path: () => '/account',
		runs: 150,
		samples: () => ({ digest: ['weekly', 'monthly', 'off', 'never', 'WEEKLY'] })
	},
	// Anyone with the link, no session: the sandbox learner's own token, so valid posts change only their preference.
	'POST /unsubscribe/[token]?/default': {
		caller: 'visitor',
		path: (s) => `/unsubscribe/${s.unsubscribe}`,
		runs: 100,
		samples: () => ({ 'List-Unsubscribe': ['One-Click', ''] })
	},
	'POST /account?/password': {
		caller: 'learner',
		path: () => '/account',
		runs: 200,
		samples: () => ({ current: ['wrong'], password: ['a-long-enough-password'], confirm: ['a-long-enough-password'] })
	},
	// Takes no fields; the sandbox learner has only the session posting it, which it keeps.
	'POST /account?/signOutOthers': { caller: 'learner', path: () => '/account', runs: 50 },
	'POST /modules/[slug]?/read': { caller: 'learner', path: (s) => `/modules/${s.moduleSlug}`, runs: 200 },
	'POST /modules/[slug]?/submit': { caller: 'learner', path: (s) => `/modules/${s.moduleSlug}`, runs: 200 },
	'POST /modules/[slug]?/reflect': { caller: 'learner', path: (s) => `/modules/${s.moduleSlug}`, runs: 300 },
	// The sandbox learner has completed this module (sandbox.ts): ratings and comments are fuzzed; one answer may be stored.
	'POST /feedback/[kind]/[slug]?/default': {
		caller: 'learner',
		path: (s) => `/feedback/module/${s.moduleSlug}`,
		runs: 200,
		samples: () => {
			const rating = ['1', '3', '5', '0', '6', '2.5', '-1', ' 4', '', 'five'];
			return {
				'rating-relevant': rating,
				'rating-clear': rating,
				'rating-confident': rating,
				'rating-recommend': rating,
				comment: ['', 'Useful.', ' Spaces around ', 'x'.repeat(2000), 'x'.repeat(2001)]
			};
		}
	},
	'POST /scenarios/[slug]?/start': { caller: 'learner', path: (s) => `/scenarios/${s.run.slug}`, runs: 100 },
	'POST /scenarios/[slug]/runs/[runId]?/choose': {
		caller: 'learner',
		path: (s) => `/scenarios/${s.run.slug}/runs/${s.run.id}`,
		runs: 250,
		samples: () => ({ step: ['0', '1', '2', '999999', '-1'] })
	},
	'POST /assess/[id]?/default': {
		caller: 'learner',
		path: (s) => `/assess/${s.target.id}`,
		runs: 250,
		samples: () => ({ assessedOn: ['2025-06-03', '2019-01-01', '2999-01-01', '2025-02-30'] })
	},
	'POST /sessions/new?/default': {
		caller: 'learner',
		path: () => '/sessions/new',
		runs: 300,
		samples: (s) => ({
			organisationId: [String(s.organisationId), '0', '-1', '999999', 'abc', '1'],
			trainerIds: [String(s.learner.id), String(s.target.id), '0', '1', 'x'],
			competencyIds: ['safe-restraint', 'physical-monitoring', 'no-such', ''],
			date: ['2030-06-10', '2026-03-29', '2026-10-25', '2019-01-01', '2030-02-30', 'tomorrow'],
			startTime: ['09:00', '01:30', '23:59', '24:00', '9am'],
			endTime: ['10:00', '01:15', '00:00', '99:99'],
			capacity: ['1', '200', '201', '0', '-5', '1.5', '1e3'],
			audienceRoles: ['police-constable', 'no-such-role'],
			audienceUnits: [String(s.unitId), '0', 'abc'],
			audienceOrganisations: [String(s.organisationId), '999999']
		})
	},
	'POST /sessions/[id]?/book': { caller: 'learner', path: (s) => `/sessions/${s.sessions.booking}`, runs: 60 },
	'POST /sessions/[id]?/leave': { caller: 'learner', path: (s) => `/sessions/${s.sessions.booking}`, runs: 60 },
	'POST /sessions/[id]?/cancel': {
		caller: 'learner',
		path: (s) => `/sessions/${s.sessions.cancelling}`,
		runs: 150,
		samples: () => ({ reason: ['', 'Trainer unwell', 'x'.repeat(501), 'tab\there'] })
	},
	'POST /sessions/[id]/edit?/default': {
		caller: 'learner',
		path: (s) => `/sessions/${s.sessions.booking}/edit`,
		runs: 200,
		samples: (s) => ({
			organisationId: [String(s.organisationId), '999999'],
			trainerIds: [String(s.learner.id), '0'],
			capacity: ['0', '1', '3', '500'],
			date: ['2030-06-03', '2019-01-01', '2030-13-01'],
			startTime: ['09:00', '25:00'],
			endTime: ['12:00', '08:00']
		})
	},
	'POST /sessions/[id]/register?/default': {
		caller: 'learner',
		path: (s) => `/sessions/${s.sessions.booking}/register`,
		runs: 100,
		samples: () => ({ 'attendance-1': ['attended', 'asleep'], 'outcome-1': ['competent', 'maybe'], 'notes-1': ['ok', '\u0001'] })
	},
	'POST /manage/assignments/new?/default': {
		caller: 'learner',
		path: () => '/manage/assignments/new',
		runs: 250,
		samples: (s) => ({
			what: ['module:de-escalation', 'scenario:suspected-abd', 'competency:safe-restraint', 'module:no-such', 'competency:', 'x'],
			to: [`person:${s.target.id}`, `person:${s.learner.id}`, `unit:${s.unitId}`, 'job-role', 'person:0', 'unit:999999', 'person:1', 'everyone'],
			jobRole: ['police-constable', 'no-such-role', ''],
			within: [`organisation:${s.organisationId}`, `unit:${s.unitId}`, 'organisation:1', 'unit:0', 'org:'],
			dueOn: ['2030-06-03', '2019-01-01', '2030-02-30', '2099-01-01', 'soon'],
			reason: ['', 'Sandbox', 'x'.repeat(301), 'tab\there']
		})
	},
	'POST /manage/assignments/[id]?/extend': {
		caller: 'learner',
		path: (s) => `/manage/assignments/${s.assignment}`,
		runs: 150,
		samples: (s) => ({
			dueOn: ['2030-07-01', '2019-01-01', '2030-13-01', ''],
			reason: ['', 'On leave', 'x'.repeat(301)],
			personId: ['', String(s.target.id), String(s.learner.id), '0', 'abc', '1']
		})
	},
	'POST /manage/assignments/[id]?/cancel': {
		caller: 'learner',
		path: (s) => `/manage/assignments/${s.assignment}`,
		runs: 100,
		samples: () => ({ cancelReason: ['', 'Sent in error', 'x'.repeat(301), 'tab\there'] })
	},
	'POST /manage/people/[id]?/void': {
		caller: 'learner',
		path: (s) => `/manage/people/${s.target.id}`,
		runs: 300,
		samples: (s, db) => ({
			evidenceId: [...ids(db, 'select id from evidence where person_id = ?', s.target.id), ...s.foreign.evidence, '0', '-1'],
			reason: ['Entered in error']
		})
	},
	'POST /roster/[organisationId]?/check': { caller: 'learner', path: (s) => `/roster/${s.organisationId}`, runs: 450, files: 'roster' },
	'POST /roster/[organisationId]?/apply': {
		caller: 'learner',
		path: (s) => `/roster/${s.organisationId}`,
		runs: 450,
		files: 'roster',
		samples: () => ({ fingerprint: FINGERPRINTS })
	},
	// The sandbox learner's own claims; their claims for the target (they manage the sandbox); their decisions on the
	// target's claims that the administrator recorded, and on claims that are not the sandbox's.
	'POST /training/prior-learning?/claim': {
		caller: 'learner',
		path: () => '/training/prior-learning',
		runs: 200,
		files: 'certificate',
		samples: () => CLAIM_SAMPLES
	},
	'POST /manage/people/[id]/prior-learning?/claim': {
		caller: 'learner',
		path: (s) => `/manage/people/${s.target.id}/prior-learning`,
		runs: 200,
		files: 'certificate',
		samples: () => CLAIM_SAMPLES
	},
	'POST /manage/prior-learning?/review': {
		caller: 'learner',
		path: () => '/manage/prior-learning',
		runs: 200,
		samples: (s) => ({ claimId: [...s.priorLearning.claims, ...s.priorLearning.foreign, '0', '-1', 'abc'], ...DECISION_SAMPLES })
	},
	'POST /prior-learning/[id]?/review': {
		caller: 'learner',
		path: (s) => `/prior-learning/${s.priorLearning.claims[0]}`,
		runs: 150,
		samples: (s) => ({ claimId: [s.priorLearning.claims[0], ...s.priorLearning.foreign, ''], ...DECISION_SAMPLES })
	},
	'POST /admin/organisations?/create': { caller: 'admin', path: () => '/admin/organisations', runs: 200 },
	'POST /admin/organisations/[id]?/update': { caller: 'admin', path: (s) => `/admin/organisations/${s.organisationId}`, runs: 200 },
	// Valid settings land on the sandbox organisation, with domains no sign-in in the run uses and issuers on this machine.
	'POST /admin/organisations/[id]?/saveSso': {
		caller: 'admin',
		path: (s) => `/admin/organisations/${s.organisationId}`,
		runs: 200,
		samples: () => ({
			issuer: ['http://localhost:1', 'https://127.0.0.1:1/tenant/v2.0', 'http://idp.example.org', 'javascript:alert(1)'],
			clientId: ['academy', 'has space'],
			clientSecret: ['a-secret', ''],
			domains: ['sso.sandbox.hostile.test', 'sso.sandbox.hostile.test, @second.sandbox.hostile.test', 'las.demo.test', '*.hostile.test'],
			ssoOnly: ['on', '']
		})
	},
	'POST /admin/organisations/[id]?/removeSso': { caller: 'admin', path: (s) => `/admin/organisations/${s.organisationId}`, runs: 60 },
	'POST /admin/organisations/[id]?/createUnit': { caller: 'admin', path: (s) => `/admin/organisations/${s.organisationId}`, runs: 200 },
	'POST /admin/units/[id]?/default': { caller: 'admin', path: (s) => `/admin/units/${s.unitId}`, runs: 200 },
	'POST /admin/people/new?/default': {
		caller: 'admin',
		path: () => '/admin/people/new',
		runs: 250,
		samples: (s) => ({ ...inSandbox(s), email: ['new.person@hostile.test', 'sandbox.target@hostile.test'] })
	},
	'POST /admin/people/[id]?/update': { caller: 'admin', path: person, runs: 250, samples: (s) => inSandbox(s) },
	'POST /admin/people/[id]?/markLeft': { caller: 'admin', path: person, runs: 150, samples: () => ({ leftDate: ['2025-01-01', '2019-12-31', '2030-02-28'] }) },
	'POST /admin/people/[id]?/reinstate': { caller: 'admin', path: person, runs: 100 },
	// Emails the sandbox target a link (takes no fields): each valid post is one message, one link, one audit entry.
	'POST /admin/people/[id]?/sendLink': { caller: 'admin', path: person, runs: 60 },
	'POST /admin/people/[id]?/grant': {
		caller: 'admin',
		path: person,
		runs: 250,
		samples: (s) => ({ role: ['trainer', 'manager', 'partnership-lead', 'admin'], scope: inSandbox(s).scope })
	},
	'POST /admin/people/[id]?/revoke': {
		caller: 'admin',
		path: person,
		runs: 250,
		samples: (s, db) => ({ grantId: [...ids(db, 'select id from role_grants where person_id = ?', s.target.id), ...s.foreign.grants, '0'] })
	}
};
