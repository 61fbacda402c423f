import { CALLER_NAMES, type Caller } from './http-callers';

/**
 * Who gets what from every page, endpoint and form action. access-matrix.e2e.ts fails when src/routes holds a route
 * or action that is not a key here, so a new one must be classified before the tests pass again.
 */

/** A status, a redirect to a path (or a path pattern), or "not asked" for a post that would be a real write. */
export type Outcome = 200 | 400 | 403 | 404 | 409 | { to: string | RegExp } | 'skip';

export const LOGIN: Outcome = { to: /^\/login\?redirectTo=%2F/ };
const SIGNED_IN = CALLER_NAMES.filter((c) => c !== 'visitor');
const MANAGERS: Caller[] = ['manager', 'custody-manager', 'nhs-manager', 'mps-manager', 'admin'];
/** /insights: trainers, training managers and administrators (not partnership leads), each over their own scope. */
const INSIGHTS: Caller[] = ['trainer', ...MANAGERS];

/** `ok` for the callers named, `otherwise` (404 unless given) for every other signed-in caller, sign-in for a visitor. */
export function only(ok: Outcome, allowed: Caller[], overrides: Partial<Record<Caller, Outcome>> = {}, otherwise: Outcome = 404): Record<Caller, Outcome> {
	const out = Object.fromEntries(CALLER_NAMES.map((c) => [c, c === 'visitor' ? LOGIN : allowed.includes(c) ? ok : otherwise])) as Record<Caller, Outcome>;
	return { ...out, ...overrides };
}
const everyone = (ok: Outcome) => only(ok, SIGNED_IN);
/** A complete form that would really write: not posted for the callers allowed, refused for everyone else. */
const wouldWrite = (allowed: Caller[], overrides: Partial<Record<Caller, Outcome>> = {}) => only('skip', allowed, overrides);
const all = (outcome: Outcome) => Object.fromEntries(CALLER_NAMES.map((c) => [c, outcome])) as Record<Caller, Outcome>;

type File = { name: string; mimeType: string; buffer: Buffer };

export type Case = {
	/** What the address or form points at, for messages: "officer's record". */
	target: string;
	/** The page address; for an action the runner adds `?/name` (except for `default`). */
	path: string;
	form?: Record<string, string>;
	multipart?: Record<string, string | File>;
	expect: Record<Caller, Outcome>;
	/** Where use:enhance's answer (accept: application/json, no page load after the action) rightly differs. */
	json?: Partial<Record<Caller, Outcome>>;
	/** Text that no answer to anyone outside `seenBy` may contain (body or Location); refused answers never. */
	secrets?: { text: string; seenBy?: Caller[] }[];
	/**
	 * Posting this is a real write for the allowed callers (start a run, sign out): the "nothing changed" check
	 * is replaced by `keep`, an SQL query whose answer must stay the same.
	 */
	writes?: { keep?: string };
	/** Each caller signs in afresh first, because the post ends the session (sign out). */
	freshSession?: true;
};

/** Real ids of records that belong to particular people, read from the e2e database or made by the test. */
export type Fixtures = {
	person: Record<'officer' | 'recruit' | 'nurse' | 'custody' | 'trainer' | 'manager' | 'leaver', number>;
	/** The officer's details as the admin form posts them. */
	officerForm: Record<string, string>;
	workforceId: Record<'officer' | 'nurse' | 'custody', string>;
	organisation: Record<'mps' | 'nhs' | 'las', number>;
	unit: { centralSouth: number };
	grant: { manager: number };
	evidence: { officer: number; nurse: number };
	module: { slug: string; reflectionId: string; certificate: Record<Caller, boolean> };
	run: { slug: string; activeId: number; finishedSlug: string; finishedId: number; firstChoice: string };
	today: string;
	/**
	 * Demo practical sessions of the MPS (open to MPS staff, run by the MPS trainer): the full upcoming one, with the
	 * name of someone on its waiting list (shown only to those who run it), and today's, in progress, booking closed.
	 */
	practical: { upcoming: number; inProgress: number; waitingName: string };
	/** Demo assigned training: one to a Central South BCU constable, one to the whole of Brixton Custody Suite. */
	assignment: { centralSouth: number; custody: number };
	/** The unit manager's one-click unsubscribe token, and the same signature under another person's id. */
	unsubscribe: { valid: string; forged: string; address: string };
	/** The demo's prior learning: the officer's claim, waiting, and its provider; the nurse's, approved. */
	priorLearning: { pending: number; approved: number; pendingProvider: string };
};

const people = (f: Fixtures) =>
	[
		{
			target: "officer's record (Central South BCU, MPS)",
			id: f.person.officer,
			seenBy: ['manager', 'mps-manager', 'admin'] as Caller[],
			wid: f.workforceId.officer
		},
		{ target: "nurse's record (NHS trust)", id: f.person.nurse, seenBy: ['nhs-manager', 'admin'] as Caller[], wid: f.workforceId.nurse },
		{
			target: "custody officer's record (Brixton Custody Suite, MPS)",
			id: f.person.custody,
			seenBy: ['custody-manager', 'mps-manager', 'admin'] as Caller[],
			wid: f.workforceId.custody
		}
	] as const;

/** A manager's view of one person: in scope 200, anyone else 404, and the workforce id never leaks. */
const managedPerson = (suffix: string) => (f: Fixtures) => [
	...people(f).map((p) => ({
		target: p.target,
		path: `/manage/people/${p.id}${suffix}`,
		expect: only(200, p.seenBy),
		secrets: [{ text: p.wid, seenBy: p.seenBy }]
	})),
	{ target: 'an id that is not a number', path: `/manage/people/abc${suffix}`, expect: only(404, []) },
	{ target: 'an id nobody has', path: `/manage/people/999999${suffix}`, expect: only(404, []) }
];

/** Your own things only, whatever the address says: the officer's workforce id reaches the officer alone. */
const ownRecord = (path: string) => (f: Fixtures) => [
	{
		target: 'own record (an id in the query is ignored)',
		path: `${path}?id=${f.person.officer}&personId=${f.person.officer}`,
		expect: everyone(200),
		secrets: [{ text: f.workforceId.officer, seenBy: ['officer'] as Caller[] }]
	}
];

const adminPage = (path: string) => () => [{ target: 'the page', path, expect: only(200, ['admin']) }];
const managerPage = (path: string) => () => [{ target: 'the page', path, expect: only(200, MANAGERS) }];
const learnerPage = (path: string) => () => [{ target: 'the page', path, expect: everyone(200) }];

/** Roster import: administrators for any organisation, organisation managers for their own. */
const rosterFor = (f: Fixtures, ok: Outcome) => [
	{ target: 'MPS', path: `/roster/${f.organisation.mps}`, expect: only(ok, ['admin', 'mps-manager']) },
	{ target: 'NHS trust', path: `/roster/${f.organisation.nhs}`, expect: only(ok, ['admin', 'nhs-manager']) },
	{ target: 'ambulance service', path: `/roster/${f.organisation.las}`, expect: only(ok, ['admin']) }
];

/** Voiding evidence: 404 out of sight, 403 in sight but not an organisation manager, else the form is checked (400 for an empty one). */
const voidFor = (f: Fixtures, form: Record<string, string> = {}) => [
	{ target: "officer's record", path: `/manage/people/${f.person.officer}`, form, expect: only(400, ['mps-manager', 'admin'], { manager: 403 }) },
	{ target: "nurse's record", path: `/manage/people/${f.person.nurse}`, form, expect: only(400, ['nhs-manager', 'admin']) },
	{
		target: "custody officer's record",
		path: `/manage/people/${f.person.custody}`,
		form,
		expect: only(400, ['mps-manager', 'admin'], { 'custody-manager': 403 })
	}
];

/** Who may see the officer's prior learning claim: the officer, Central South's and the MPS's managers, administrators. */
const OFFICER_SEEN_BY: Caller[] = ['officer', 'manager', 'mps-manager', 'admin'];
/** Who may decide it: the same, but never the officer. */
const OFFICER_DECIDERS: Caller[] = ['manager', 'mps-manager', 'admin'];
const claimPaths = (suffix: string) => [
	{ target: 'an id that is not a number', path: `/prior-learning/abc${suffix}`, expect: only(404, []) },
	{ target: 'an id nobody has', path: `/prior-learning/999999${suffix}`, expect: only(404, []) }
];
/** A file that is not a certificate, whatever its name and the type it claims. */
const NOT_A_CERTIFICATE = { name: 'certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 this is a program') };
const claimForm = (f: Fixtures, competencyId: string) => ({
	competencyId,
	completedOn: f.today,
	provider: 'Matrix provider',
	certificate: NOT_A_CERTIFICATE
});
/** An assignment is seen by the managers of its unit or organisation: `ok` for them (an empty form for a post), 404 for anyone else. */
const assignmentCases = (f: Fixtures, ok: Outcome) => [
	{
		target: 'the Central South BCU assignment',
		path: `/manage/assignments/${f.assignment.centralSouth}`,
		expect: only(ok, ['manager', 'mps-manager', 'admin'])
	},
	{
		target: 'the Brixton Custody Suite assignment',
		path: `/manage/assignments/${f.assignment.custody}`,
		expect: only(ok, ['custody-manager', 'mps-manager', 'admin'])
	},
	{ target: 'an id that is not a number', path: '/manage/assignments/abc', expect: only(404, []) },
	{ target: 'an id nobody has', path: '/manage/assignments/999999', expect: only(404, []) }
];

const runPath = (f: Fixtures) => `/scenarios/${f.run.slug}/runs/${f.run.activeId}`;
const finishedPath = (f: Fixtures) => `/scenarios/${f.run.finishedSlug}/runs/${f.run.finishedId}`;

/** Machine-facing routes: the same answer for everyone, signed in or not, and nobody's records in it. */
const noPersonalData = (f: Fixtures) => Object.values(f.workforceId).map((text) => ({ text, seenBy: [] as Caller[] }));

/** MPS staff may see and book the MPS's demo sessions; the NHS manager may not. */
const MPS_STAFF: Caller[] = ['officer', 'recruit', 'trainer', 'manager', 'custody-manager', 'mps-manager', 'partnership', 'admin'];
/** Those who run the MPS's sessions: its trainer, its organisation manager, administrators. */
const MPS_RUNNERS: Caller[] = ['trainer', 'mps-manager', 'admin'];
const SCHEDULERS: Caller[] = ['trainer', 'mps-manager', 'nhs-manager', 'admin'];
const sessionPaths = (suffix: string) => [
	{ target: 'an id that is not a number', path: `/sessions/abc${suffix}`, expect: only(404, []) },
	{ target: 'an id nobody has', path: `/sessions/999999${suffix}`, expect: only(404, []) }
];

export const EXPECTATIONS: Record<string, (f: Fixtures) => Case[]> = {
	'GET /sessions': learnerPage('/sessions'),
	'GET /sessions/new': () => [{ target: 'the page', path: '/sessions/new', expect: only(200, SCHEDULERS) }],
	'GET /sessions/attendance': () => [{ target: 'the page', path: '/sessions/attendance?show=no-show', expect: only(200, MANAGERS) }],
	'GET /sessions/[id]': (f) => [
		{
			target: 'the full upcoming MPS session',
			path: `/sessions/${f.practical.upcoming}`,
			expect: only(200, MPS_STAFF),
			secrets: [{ text: f.practical.waitingName, seenBy: MPS_RUNNERS }]
		},
		...sessionPaths('')
	],
	'GET /sessions/[id].ics': (f) => [
		{ target: 'the full upcoming MPS session', path: `/sessions/${f.practical.upcoming}.ics`, expect: only(200, MPS_STAFF) },
		{ target: 'an id nobody has', path: '/sessions/999999.ics', expect: only(404, []) }
	],
	'GET /sessions/[id]/edit': (f) => [
		{ target: 'the full upcoming MPS session', path: `/sessions/${f.practical.upcoming}/edit`, expect: only(200, MPS_RUNNERS) },
		...sessionPaths('/edit')
	],
	'GET /sessions/[id]/register': (f) => [
		{ target: 'today’s MPS session', path: `/sessions/${f.practical.inProgress}/register`, expect: only(200, ['trainer']) },
		...sessionPaths('/register')
	],
	'POST /sessions/new?/default': () => [
		{ target: 'an empty form', path: '/sessions/new', expect: only(400, SCHEDULERS) },
		{
			target: 'a complete session for the MPS',
			path: '/sessions/new',
			form: {
				organisationId: '1',
				title: 'Matrix',
				venue: 'Room',
				date: '2030-01-07',
				startTime: '09:00',
				endTime: '10:00',
				capacity: '4',
				competencyIds: 'safe-restraint',
				trainerIds: '1'
			},
			// The NHS manager runs only the NHS trust's sessions.
			expect: only(400, SCHEDULERS, { 'nhs-manager': 403 })
		}
	],
	'POST /sessions/[id]?/book': (f) => [
		{ target: 'today’s session, booking closed', path: `/sessions/${f.practical.inProgress}`, expect: only(409, MPS_STAFF) },
		{ target: 'the full upcoming session', path: `/sessions/${f.practical.upcoming}`, expect: wouldWrite(MPS_STAFF) }
	],
	'POST /sessions/[id]?/leave': (f) => [
		{ target: 'the full upcoming session, with no booking on it', path: `/sessions/${f.practical.upcoming}`, expect: only(409, MPS_STAFF) }
	],
	'POST /sessions/[id]?/cancel': (f) => [
		{ target: 'the full upcoming session, an empty form', path: `/sessions/${f.practical.upcoming}`, expect: only(400, MPS_RUNNERS, {}, 404) },
		{
			target: 'the full upcoming session, with a reason',
			path: `/sessions/${f.practical.upcoming}`,
			form: { reason: 'Matrix' },
			expect: wouldWrite(MPS_RUNNERS)
		}
	],
	'POST /sessions/[id]/edit?/default': (f) => [
		{ target: 'the full upcoming session, an empty form', path: `/sessions/${f.practical.upcoming}/edit`, expect: only(400, MPS_RUNNERS) }
	],
	'POST /sessions/[id]/register?/default': (f) => [
		{
			target: 'today’s session, a mark that is not on the form',
			path: `/sessions/${f.practical.inProgress}/register`,
			form: { [`attendance-0`]: 'asleep' },
			expect: wouldWrite(['trainer'])
		},
		// The trainer who runs it may open its register (the page says it has not started); an empty form is refused.
		{ target: 'the full upcoming session (not started)', path: `/sessions/${f.practical.upcoming}/register`, expect: only(400, ['trainer']) }
	],
	'GET /training/prior-learning': learnerPage('/training/prior-learning'),
	'POST /training/prior-learning?/claim': (f) => [
		{ target: 'an empty form', path: '/training/prior-learning', expect: everyone(400) },
		{ target: 'a claim whose file is a program named .pdf', path: '/training/prior-learning', multipart: claimForm(f, 'de-escalation'), expect: everyone(400) }
	],
	'GET /manage/people/[id]/prior-learning': managedPerson('/prior-learning'),
	'POST /manage/people/[id]/prior-learning?/claim': (f) => [
		...people(f).map((p) => ({ target: `${p.target}, an empty form`, path: `/manage/people/${p.id}/prior-learning`, expect: only(400, p.seenBy) })),
		{
			target: "officer's record, a claim whose file is a program named .pdf",
			path: `/manage/people/${f.person.officer}/prior-learning`,
			multipart: claimForm(f, 'safe-restraint'),
			expect: only(400, OFFICER_DECIDERS)
		},
		{ target: 'an id nobody has', path: '/manage/people/999999/prior-learning', expect: only(404, []) }
	],
	'GET /manage/prior-learning': (f) => [
		{
			target: 'the queue',
			path: '/manage/prior-learning',
			expect: only(200, MANAGERS),
			secrets: [{ text: f.priorLearning.pendingProvider, seenBy: OFFICER_DECIDERS }]
		}
	],
	'POST /manage/prior-learning?/review': (f): Case[] => [
		{ target: 'an empty form', path: '/manage/prior-learning', expect: only(400, MANAGERS) },
		{
			target: "the officer's claim, rejected without a reason",
			path: '/manage/prior-learning',
			form: { claimId: String(f.priorLearning.pending), decision: 'reject' },
			expect: only(400, MANAGERS)
		},
		{
			target: "the officer's claim, approved",
			path: '/manage/prior-learning',
			form: { claimId: String(f.priorLearning.pending), decision: 'approve' },
			expect: wouldWrite(OFFICER_DECIDERS)
		},
		{
			target: "the nurse's claim, already approved",
			path: '/manage/prior-learning',
			form: { claimId: String(f.priorLearning.approved), decision: 'reject', reason: 'Matrix' },
			expect: only(409, ['nhs-manager', 'admin'])
		},
		{ target: 'a claim nobody has', path: '/manage/prior-learning', form: { claimId: '999999', decision: 'approve' }, expect: only(404, []) }
	],
	'GET /prior-learning/[id]': (f) => [
		{
			target: "the officer's claim, waiting",
			path: `/prior-learning/${f.priorLearning.pending}`,
			expect: only(200, OFFICER_SEEN_BY),
			secrets: [{ text: f.priorLearning.pendingProvider, seenBy: OFFICER_SEEN_BY }]
		},
		{ target: "the nurse's claim, approved", path: `/prior-learning/${f.priorLearning.approved}`, expect: only(200, ['nhs-manager', 'admin']) },
		...claimPaths('')
	],
	'GET /prior-learning/[id]/certificate': (f) => [
		{ target: "the officer's certificate", path: `/prior-learning/${f.priorLearning.pending}/certificate`, expect: only(200, OFFICER_SEEN_BY) },
		{ target: "the nurse's certificate", path: `/prior-learning/${f.priorLearning.approved}/certificate`, expect: only(200, ['nhs-manager', 'admin']) },
		...claimPaths('/certificate')
	],
	'POST /prior-learning/[id]?/review': (f): Case[] => [
		{ target: "the officer's claim, an empty form", path: `/prior-learning/${f.priorLearning.pending}`, expect: only(400, OFFICER_DECIDERS, { officer: 403 }) },
		{
			target: "the officer's claim, approved",
			path: `/prior-learning/${f.priorLearning.pending}`,
			form: { decision: 'approve' },
			expect: wouldWrite(OFFICER_DECIDERS, { officer: 403 })
		},
		{
			target: "the officer's claim, under the nurse's claim's address",
			path: `/prior-learning/${f.priorLearning.approved}`,
			form: { claimId: String(f.priorLearning.pending), decision: 'approve' },
			expect: only(404, [])
		},
		{
			target: "the nurse's claim, already approved",
			path: `/prior-learning/${f.priorLearning.approved}`,
			form: { decision: 'reject', reason: 'Matrix' },
			expect: only(409, ['nhs-manager', 'admin'])
		},
		...claimPaths('')
	],
	'GET /healthz': (f) => [{ target: 'liveness', path: '/healthz', expect: all(200), secrets: noPersonalData(f) }],
	'GET /readyz': (f) => [{ target: 'readiness', path: '/readyz', expect: all(200), secrets: noPersonalData(f) }],
	// Off unless METRICS_TOKEN is set (the e2e server has none); with it, a bearer token rather than a session.
	'GET /metrics': (f) => [{ target: 'metrics, turned off', path: '/metrics', expect: all(404), secrets: noPersonalData(f) }],
	'GET /': () => [{ target: 'the home page', path: '/', expect: { ...all({ to: '/training' }), visitor: 200 } }],
	'GET /login': () => [{ target: 'the page', path: '/login', expect: { ...all({ to: '/training' }), visitor: 200 } }],
	'GET /logout': () => [{ target: 'the page', path: '/logout', expect: { ...everyone(200), visitor: { to: '/' } } }],
	// Single sign-on. Without the browser's pending sign-in (a cookie) the callback does nothing and says it expired;
	// without the sign-out cookie, the page after sign-out has nowhere to send anyone.
	'GET /login/sso/callback': () => [
		{ target: 'a callback with no pending sign-in', path: '/login/sso/callback?code=abc&state=def', expect: all({ to: '/login?sso=expired' }) },
		{ target: 'a provider error with no pending sign-in', path: '/login/sso/callback?error=access_denied&state=x', expect: all({ to: '/login?sso=expired' }) }
	],
	'GET /logout/sso': () => [{ target: 'the page, with no sign-out under way', path: '/logout/sso', expect: all({ to: '/' }) }],
	// Open to everyone, signed in or not. A link's page says whether it can be used, and nothing about whose it is.
	'GET /forgot-password': () => [{ target: 'the page', path: '/forgot-password', expect: all(200) }],
	'GET /activate/[token]': (f) => [
		{ target: 'a link nobody was sent', path: `/activate/${'a'.repeat(32)}`, expect: all(200), secrets: noPersonalData(f) },
		{ target: 'something not shaped like a link', path: '/activate/..%2F..%2Fadmin', expect: all(200) }
	],
	'GET /reset-password/[token]': (f) => [
		{ target: 'a link nobody was sent', path: `/reset-password/${'a'.repeat(32)}`, expect: all(200), secrets: noPersonalData(f) }
	],
	'GET /account': learnerPage('/account'),
	'GET /notifications': learnerPage('/notifications'),
	// No sign-in: the signed link is the authority. Anything but a token this server made is not found.
	'GET /unsubscribe/[token]': (f) => [
		{
			target: "the unit manager's link",
			path: `/unsubscribe/${f.unsubscribe.valid}`,
			expect: all(200),
			secrets: [{ text: f.unsubscribe.address, seenBy: [] }]
		},
		{ target: "the unit manager's signature under another person's id", path: `/unsubscribe/${f.unsubscribe.forged}`, expect: all(404) },
		{ target: 'a made-up token', path: '/unsubscribe/u1.digest.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', expect: all(404) }
	],
	'GET /training': learnerPage('/training'),
	'GET /training/offline.json': learnerPage('/training/offline.json'),
	'GET /search': () => [
		{ target: 'the empty search page', path: '/search', expect: everyone(200) },
		{ target: 'a search', path: '/search?q=breathe', expect: everyone(200) },
		{ target: 'a search with no words in it', path: `/search?q=${encodeURIComponent('"*" ()')}`, expect: everyone(200) }
	],
	// Public, as the accessibility regulations and data protection law expect: readable before signing in.
	'GET /accessibility': () => [{ target: 'the accessibility statement', path: '/accessibility', expect: all(200) }],
	'GET /privacy': () => [{ target: 'the privacy notice', path: '/privacy', expect: all(200) }],
	'GET /training/record': ownRecord('/training/record'),
	'GET /training/record.csv': ownRecord('/training/record.csv'),
	'GET /training/record.json': ownRecord('/training/record.json'),
	'GET /modules': learnerPage('/modules'),
	'GET /modules/[slug]': (f) => [
		{ target: 'a module', path: `/modules/${f.module.slug}`, expect: everyone(200) },
		{ target: 'a module that does not exist', path: '/modules/no-such-module', expect: everyone(404) }
	],
	'GET /modules/[slug]/print': (f) => [{ target: 'a module', path: `/modules/${f.module.slug}/print`, expect: everyone(200) }],
	'GET /modules/[slug]/certificate': (f) => [
		{
			target: 'own certificate: 200 only for someone who has completed the module',
			path: `/modules/${f.module.slug}/certificate`,
			expect: only(
				200,
				SIGNED_IN.filter((c) => f.module.certificate[c])
			),
			secrets: [{ text: f.workforceId.officer, seenBy: ['officer'] }]
		}
	],
	// Learner evaluation: every learner may open the survey of a module; answering needs a completion (409 before).
	'GET /feedback/[kind]/[slug]': (f) => [
		{ target: 'a module’s survey', path: `/feedback/module/${f.module.slug}`, expect: everyone(200) },
		{ target: 'a scenario’s survey', path: `/feedback/scenario/${f.run.slug}`, expect: everyone(200) },
		{ target: 'a kind of survey that does not exist', path: `/feedback/course/${f.module.slug}`, expect: everyone(404) },
		{ target: 'a module that does not exist', path: '/feedback/module/no-such-module', expect: everyone(404) }
	],
	'POST /feedback/[kind]/[slug]?/default': (f) => [
		{
			target: 'an empty answer',
			path: `/feedback/module/${f.module.slug}`,
			expect: only(
				400,
				SIGNED_IN.filter((c) => f.module.certificate[c]),
				{},
				409
			)
		},
		{
			target: 'a complete answer',
			path: `/feedback/module/${f.module.slug}`,
			form: { 'rating-relevant': '4', 'rating-clear': '4', 'rating-confident': '4', 'rating-recommend': '4', comment: 'Matrix' },
			expect: only(
				'skip',
				SIGNED_IN.filter((c) => f.module.certificate[c]),
				{},
				409
			)
		},
		{ target: 'a module that does not exist', path: '/feedback/module/no-such-module', expect: everyone(404) }
	],
	// Insights: trainers, training managers and administrators; learners' comments reach administrators only.
	'GET /insights/surveys': () => [{ target: 'the page', path: '/insights/surveys', expect: only(200, INSIGHTS) }],
	'GET /insights/surveys/[kind]/[slug]': (f) => [
		{
			target: 'a module with answers (scripts/demo/surveys.ts)',
			path: `/insights/surveys/module/${f.module.slug}`,
			expect: only(200, INSIGHTS),
			secrets: [{ text: 'The section on positional asphyxia was the clearest', seenBy: ['admin'] }]
		},
		{ target: 'a version filter that is not a version', path: `/insights/surveys/module/${f.module.slug}?version=%3Cscript%3E`, expect: only(200, INSIGHTS) },
		{ target: 'a kind that does not exist', path: `/insights/surveys/course/${f.module.slug}`, expect: only(404, []) },
		{ target: 'a module that does not exist', path: '/insights/surveys/module/no-such-module', expect: only(404, []) }
	],
	'GET /scenarios': learnerPage('/scenarios'),
	'GET /scenarios/[slug]': (f) => [
		{ target: 'a scenario', path: `/scenarios/${f.run.slug}`, expect: everyone(200) },
		{ target: 'a scenario that does not exist', path: '/scenarios/no-such-scenario', expect: everyone(404) }
	],
	// Runs are private: not even an administrator or the learner's manager opens one.
	'GET /scenarios/[slug]/runs/[runId]': (f) => [
		{ target: "officer's active run", path: runPath(f), expect: only(200, ['officer']) },
		{ target: "officer's finished run", path: finishedPath(f), expect: only({ to: `${finishedPath(f)}/debrief` }, ['officer']) },
		{ target: "officer's run under another scenario's address", path: `/scenarios/${f.run.finishedSlug}/runs/${f.run.activeId}`, expect: only(404, []) },
		{ target: 'a run id that is not a number', path: `/scenarios/${f.run.slug}/runs/abc`, expect: only(404, []) }
	],
	'GET /scenarios/[slug]/runs/[runId]/debrief': (f) => [
		{ target: "officer's finished run", path: `${finishedPath(f)}/debrief`, expect: only(200, ['officer']) },
		{ target: "officer's active run", path: `${runPath(f)}/debrief`, expect: only({ to: runPath(f) }, ['officer']) }
	],
	'GET /manage': managerPage('/manage'),
	'GET /manage/people': managerPage('/manage/people'),
	'GET /manage/competencies': managerPage('/manage/competencies'),
	'GET /manage/groups': managerPage('/manage/groups?by=role'),
	'GET /manage/matrix': managerPage('/manage/matrix?status=expired'),
	'GET /manage/expired': managerPage('/manage/expired'),
	'GET /manage/due': managerPage('/manage/due?within=90'),
	'GET /manage/export/expiring.csv': managerPage('/manage/export/expiring.csv'),
	'GET /manage/export/matrix.csv': (f) => [
		{
			target: 'the whole matrix, in scope only',
			path: '/manage/export/matrix.csv',
			expect: only(200, MANAGERS),
			secrets: people(f).map((p) => ({ text: p.wid, seenBy: p.seenBy }))
		}
	],
	'GET /manage/assignments': managerPage('/manage/assignments'),
	'GET /manage/assignments/new': (f) => [
		{ target: 'the page', path: '/manage/assignments/new', expect: only(200, MANAGERS) },
		{
			target: "the form for the officer's training",
			path: `/manage/assignments/new?person=${f.person.officer}`,
			expect: only(200, ['manager', 'mps-manager', 'admin'])
		},
		{ target: "the form for the nurse's training", path: `/manage/assignments/new?person=${f.person.nurse}`, expect: only(200, ['nhs-manager', 'admin']) },
		{ target: 'the form for someone who has left', path: `/manage/assignments/new?person=${f.person.leaver}`, expect: only(404, []) }
	],
	'GET /manage/assignments/[id]': (f) => assignmentCases(f, 200),
	'GET /manage/people/[id]': managedPerson(''),
	'GET /manage/people/[id]/record': managedPerson('/record'),
	'GET /manage/people/[id]/record.csv': managedPerson('/record.csv'),
	'GET /manage/people/[id]/record.json': managedPerson('/record.json'),
	'GET /assess': () => [{ target: 'the page', path: '/assess', expect: only(200, ['trainer']) }],
	'GET /assess/[id]': (f) => [
		{ target: 'officer (MPS, the trainer trains for it)', path: `/assess/${f.person.officer}`, expect: only(200, ['trainer']) },
		{ target: 'nurse (NHS trust)', path: `/assess/${f.person.nurse}`, expect: only(404, []) },
		{ target: 'the trainer themself', path: `/assess/${f.person.trainer}`, expect: only(404, []) }
	],
	'GET /insights': () => [{ target: 'the index', path: '/insights', expect: only(200, INSIGHTS) }],
	'GET /insights/scenarios': () => [{ target: 'the list', path: '/insights/scenarios', expect: only(200, INSIGHTS) }],
	'GET /insights/scenarios/[id]': (f) => [
		{ target: 'a scenario', path: `/insights/scenarios/${f.run.slug}`, expect: only(200, INSIGHTS) },
		{
			target: 'a scenario with every filter, some hostile',
			path: `/insights/scenarios/${f.run.slug}?organisation=${f.organisation.nhs}&unit=abc&role=%3Cscript%3E&from=2026-13&to=2020-01&runs=refresher`,
			expect: only(200, INSIGHTS)
		},
		{ target: 'a scenario that does not exist', path: '/insights/scenarios/%3Cscript%3Ealert(1)%3C%2Fscript%3E', expect: only(404, []) },
		{ target: 'a path outside the scenarios', path: '/insights/scenarios/..%2F..%2Fpackage.json', expect: only(404, []) }
	],
	'GET /insights/scenarios/[id]/map.svg': (f) => [
		{ target: "a scenario's map", path: `/insights/scenarios/${f.run.slug}/map.svg`, expect: only(200, INSIGHTS) },
		{
			target: "a scenario's map with every filter, some hostile",
			path: `/insights/scenarios/${f.run.slug}/map.svg?organisation=${f.organisation.nhs}&unit=abc&role=%3Cscript%3E&from=2026-13&to=2020-01&runs=refresher`,
			expect: only(200, INSIGHTS)
		},
		{ target: 'the map of a scenario that does not exist', path: '/insights/scenarios/nothing-here/map.svg', expect: only(404, []) }
	],
	'GET /insights/scenarios/[id].csv': (f) => [
		{ target: "a scenario's CSV", path: `/insights/scenarios/${f.run.slug}.csv?runs=first`, expect: only(200, INSIGHTS) },
		{ target: 'the CSV of a scenario that does not exist', path: '/insights/scenarios/nothing-here.csv', expect: only(404, []) }
	],
	'GET /insights/questions': () => [{ target: 'the list', path: '/insights/questions', expect: only(200, INSIGHTS) }],
	'GET /insights/questions/[id]': (f) => [
		{ target: 'a module', path: `/insights/questions/${f.module.slug}?role=police-constable&unit=999999`, expect: only(200, INSIGHTS) },
		{ target: 'a version that is not a version', path: `/insights/questions/${f.module.slug}?version=%3Cscript%3E`, expect: only(200, INSIGHTS) },
		{ target: 'a module that does not exist', path: '/insights/questions/%27%20or%201%3D1--', expect: only(404, []) }
	],
	'GET /partnership': () => [
		{ target: 'the page', path: '/partnership', expect: only(200, ['partnership', 'admin']) },
		{ target: 'one borough', path: '/partnership?borough=Lambeth', expect: only(200, ['partnership', 'admin']) },
		{ target: 'a borough that is not one (all of London)', path: '/partnership?borough=%3Cscript%3E', expect: only(200, ['partnership', 'admin']) }
	],
	'GET /partnership/export.csv': () => [
		{ target: 'the CSV', path: '/partnership/export.csv', expect: only(200, ['partnership', 'admin']) },
		{ target: "one borough's CSV", path: '/partnership/export.csv?borough=Lambeth', expect: only(200, ['partnership', 'admin']) }
	],
	'GET /roster': () => [{ target: 'the page', path: '/roster', expect: only(200, ['admin', 'nhs-manager', 'mps-manager']) }],
	'GET /roster/[organisationId]': (f) => rosterFor(f, 200),
	'GET /admin': adminPage('/admin'),
	'GET /admin/outbox': () => [
		{ target: 'the page', path: '/admin/outbox', expect: only(200, ['admin']) },
		{
			target: "the officer's mail",
			path: '/admin/outbox?to=officer%40demo.test',
			expect: only(200, ['admin']),
			secrets: [{ text: 'officer@demo.test', seenBy: ['admin'] }]
		}
	],
	'GET /admin/mail': adminPage('/admin/mail'),
	'GET /admin/audit': adminPage('/admin/audit'),
	'GET /admin/audit/reads': adminPage('/admin/audit/reads'),
	'GET /admin/organisations': adminPage('/admin/organisations'),
	'GET /admin/organisations/[id]': (f) => [{ target: 'MPS', path: `/admin/organisations/${f.organisation.mps}`, expect: only(200, ['admin']) }],
	'GET /admin/people': adminPage('/admin/people'),
	'GET /admin/people/new': adminPage('/admin/people/new'),
	'GET /admin/people/[id]': (f) => [
		{
			target: "officer's record",
			path: `/admin/people/${f.person.officer}`,
			expect: only(200, ['admin']),
			secrets: [{ text: f.workforceId.officer, seenBy: ['admin'] }]
		}
	],
	// Each download writes an audit entry, so the records do change for the administrator.
	'GET /admin/people/[id]/export.json': (f) => [
		{
			target: "officer's subject access export",
			path: `/admin/people/${f.person.officer}/export.json`,
			expect: only(200, ['admin']),
			secrets: [{ text: f.workforceId.officer, seenBy: ['admin'] }],
			writes: {}
		},
		{ target: 'an id nobody has', path: '/admin/people/999999/export.json', expect: only(404, []) }
	],
	'GET /admin/units/[id]': (f) => [{ target: 'Central South BCU', path: `/admin/units/${f.unit.centralSouth}`, expect: only(200, ['admin']) }],

	// Form actions. An allowed caller posts a form the action refuses (400), so the test proves the caller got
	// past authorisation without changing the demo records; everyone else must be refused before that.
	// Signed in, the refused form is followed by the page's load, which sends you on to /training.
	'POST /login?/default': () => [{ target: 'an empty sign-in form', path: '/login', expect: { ...all({ to: '/training' }), visitor: 400 }, json: all(400) }],
	'POST /forgot-password?/default': () => [
		{ target: 'an empty form', path: '/forgot-password', expect: all(400) },
		// A real request (throttling record, audit entry, perhaps an email): not posted.
		{ target: "the officer's address", path: '/forgot-password', form: { email: 'officer@demo.test' }, expect: all('skip') }
	],
	'POST /activate/[token]?/default': () => [{ target: 'an empty form, on a link nobody was sent', path: `/activate/${'a'.repeat(32)}`, expect: all(400) }],
	'POST /reset-password/[token]?/default': () => [
		{ target: 'an empty form, on a link nobody was sent', path: `/reset-password/${'a'.repeat(32)}`, expect: all(400) }
	],
	'POST /logout?/default': () => [{ target: 'sign out', path: '/logout', expect: all({ to: '/' }), writes: {}, freshSession: true }],
	'POST /account?/email': () => [
		{ target: 'an empty form', path: '/account', expect: only(400, SIGNED_IN) },
		{
			target: 'a monthly digest',
			path: '/account',
			form: { digest: 'monthly' },
			expect: only('skip', ['manager', 'custody-manager', 'nhs-manager', 'mps-manager'], {}, 400)
		}
	],
	'POST /unsubscribe/[token]?/default': (f) => [
		{ target: "the unit manager's signature under another person's id", path: `/unsubscribe/${f.unsubscribe.forged}`, expect: all(404) },
		{ target: "the unit manager's link", path: `/unsubscribe/${f.unsubscribe.valid}`, form: { 'List-Unsubscribe': 'One-Click' }, expect: all('skip') }
	],
	'POST /account?/password': () => [{ target: 'an empty password form', path: '/account', expect: everyone(400) }],
	// Ends the caller's other sessions (and those of the other test contexts): a real write for anyone signed in.
	'POST /account?/signOutOthers': () => [{ target: 'sign out everywhere else', path: '/account', expect: wouldWrite(SIGNED_IN) }],
	'POST /modules/[slug]?/read': (f) => [{ target: 'an empty form', path: `/modules/${f.module.slug}`, expect: everyone(400) }],
	'POST /modules/[slug]?/submit': (f) => [{ target: 'no answers', path: `/modules/${f.module.slug}`, expect: everyone(400) }],
	'POST /modules/[slug]?/reflect': (f) => [
		{ target: 'an empty form', path: `/modules/${f.module.slug}`, expect: everyone(400) },
		{
			// The reflection id names a prompt, not a record: each caller writes only their own answer to it.
			target: "the officer's reflection prompt, posted by everyone else",
			path: `/modules/${f.module.slug}`,
			form: { reflectionId: f.module.reflectionId, body: 'Written by someone else' },
			expect: { ...everyone(200), officer: 'skip' },
			writes: { keep: `select body, updated_at from reflections where person_id = ${f.person.officer}` }
		}
	],
	'POST /scenarios/[slug]?/start': (f) => [
		{
			target: 'the scenario the officer has a run of: each caller gets their own run',
			path: `/scenarios/${f.run.slug}`,
			expect: only({ to: /^\/scenarios\/[a-z0-9-]+\/runs\/\d+$/ }, SIGNED_IN, { officer: { to: runPath(f) } }),
			secrets: [{ text: runPath(f), seenBy: ['officer'] }],
			// shown_at is left out: the officer's own posts serve the decision again, which restarts its clock (engine/timing.ts)
			writes: {
				keep: `select id, person_id, scenario_slug, scenario_version, snapshot, step, time_limit, status from scenario_runs where id = ${f.run.activeId}`
			}
		}
	],
	'POST /scenarios/[slug]/runs/[runId]?/choose': (f) => [
		{ target: "officer's active run, a stale step", path: runPath(f), form: { step: 'x', event: f.run.firstChoice }, expect: only(400, ['officer']) },
		{
			target: "officer's active run, a real choice by anyone else",
			path: runPath(f),
			form: { step: '0', event: f.run.firstChoice },
			expect: { ...only(404, []), officer: 'skip' }
		},
		{
			target: "officer's finished run",
			path: finishedPath(f),
			form: { step: '0', event: f.run.firstChoice },
			expect: only({ to: `${finishedPath(f)}/debrief` }, ['officer'])
		}
	],
	'POST /assess/[id]?/default': (f) => [
		{ target: 'officer, an empty form', path: `/assess/${f.person.officer}`, expect: only(400, ['trainer']) },
		{
			target: 'officer, a complete assessment',
			path: `/assess/${f.person.officer}`,
			form: { competencyId: 'safe-restraint', assessedOn: f.today, outcome: 'competent', notes: 'by anyone' },
			expect: wouldWrite(['trainer'])
		},
		{
			target: 'nurse, a complete assessment',
			path: `/assess/${f.person.nurse}`,
			form: { competencyId: 'safe-restraint', assessedOn: f.today, outcome: 'competent', notes: 'cross-organisation' },
			expect: only(404, [])
		},
		{
			target: 'the trainer themself, a complete assessment',
			path: `/assess/${f.person.trainer}`,
			form: { competencyId: 'safe-restraint', assessedOn: f.today, outcome: 'competent', notes: 'self' },
			expect: only(404, [])
		}
	],
	'POST /manage/assignments/new?/default': (f) => [
		{ target: 'an empty form', path: '/manage/assignments/new', expect: only(400, MANAGERS) },
		{
			target: "a complete assignment for the officer's training",
			path: '/manage/assignments/new',
			form: { what: 'module:mental-health-act', to: `person:${f.person.officer}`, dueOn: '2030-01-07', reason: 'Matrix' },
			expect: wouldWrite(['manager', 'mps-manager', 'admin'])
		},
		{
			target: 'a complete assignment for Central South BCU',
			path: '/manage/assignments/new',
			form: { what: 'module:mental-health-act', to: `unit:${f.unit.centralSouth}`, dueOn: '2030-01-07', reason: 'Matrix' },
			expect: wouldWrite(['manager', 'mps-manager', 'admin'])
		}
	],
	'POST /manage/assignments/[id]?/extend': (f) => [
		...assignmentCases(f, 400),
		{
			target: 'the Central South assignment, for someone not on it',
			path: `/manage/assignments/${f.assignment.centralSouth}`,
			form: { dueOn: '2030-01-07', reason: 'Matrix', personId: String(f.person.nurse) },
			expect: only(400, ['manager', 'mps-manager', 'admin'])
		}
	],
	'POST /manage/assignments/[id]?/cancel': (f) => [
		...assignmentCases(f, 400),
		{
			target: 'the custody assignment, with a reason',
			path: `/manage/assignments/${f.assignment.custody}`,
			form: { cancelReason: 'Matrix' },
			expect: wouldWrite(['custody-manager', 'mps-manager', 'admin'])
		}
	],
	'POST /manage/people/[id]?/void': (f) => [
		...voidFor(f),
		{
			target: "officer's record with the officer's own evidence id",
			path: `/manage/people/${f.person.officer}`,
			form: { evidenceId: String(f.evidence.officer), reason: 'Out of scope' },
			expect: wouldWrite(['mps-manager', 'admin'], { manager: 403 })
		},
		{
			target: "nurse's record with the officer's evidence id",
			path: `/manage/people/${f.person.nurse}`,
			form: { evidenceId: String(f.evidence.officer), reason: 'Cross-record void' },
			expect: only(400, ['nhs-manager', 'admin'])
		},
		{
			target: "officer's record with the nurse's evidence id",
			path: `/manage/people/${f.person.officer}`,
			form: { evidenceId: String(f.evidence.nurse), reason: 'Cross-record void' },
			expect: only(400, ['mps-manager', 'admin'], { manager: 403 })
		}
	],
	'POST /roster/[organisationId]?/check': (f) => [
		...rosterFor(f, 400),
		{
			target: 'a valid roster file for the NHS trust, posted to the MPS',
			path: `/roster/${f.organisation.mps}`,
			multipart: {
				roster: {
					name: 'cross.csv',
					mimeType: 'text/csv',
					buffer: Buffer.from(
						'workforce_id,name,email,unit,job_role,start_date,leaving_date\r\nX1,A B,a.b@nhs.test,Willow Ward,mental-health-nurse,2024-01-01,\r\n'
					)
				}
			},
			expect: only(200, ['admin', 'mps-manager'])
		}
	],
	'POST /roster/[organisationId]?/apply': (f) => [
		...rosterFor(f, 400),
		{
			target: 'a made-up plan fingerprint for the MPS',
			path: `/roster/${f.organisation.mps}`,
			form: { fingerprint: 'a'.repeat(64) },
			expect: only(400, ['admin', 'mps-manager'])
		}
	],
	'POST /admin/organisations?/create': () => [
		{ target: 'an empty form', path: '/admin/organisations', expect: only(400, ['admin']) },
		{
			target: 'a complete new organisation',
			path: '/admin/organisations',
			form: { name: 'Matrix Organisation', kind: 'police' },
			expect: wouldWrite(['admin'])
		}
	],
	'POST /admin/organisations/[id]?/update': (f) => [
		{ target: 'MPS, an empty form', path: `/admin/organisations/${f.organisation.mps}`, expect: only(400, ['admin']) },
		{
			target: 'MPS, a new name',
			path: `/admin/organisations/${f.organisation.mps}`,
			form: { name: 'Renamed Police', kind: 'police' },
			expect: wouldWrite(['admin'])
		}
	],
	'POST /admin/organisations/[id]?/createUnit': (f) => [
		{ target: 'MPS, an empty form', path: `/admin/organisations/${f.organisation.mps}`, expect: only(400, ['admin']) },
		{
			target: 'MPS, a complete new unit',
			path: `/admin/organisations/${f.organisation.mps}`,
			form: { name: 'Matrix Unit', kind: 'bcu', borough: '' },
			expect: wouldWrite(['admin'])
		}
	],
	'POST /admin/organisations/[id]?/saveSso': (f) => [
		{ target: 'LAS, an empty form', path: `/admin/organisations/${f.organisation.las}`, expect: only(400, ['admin']) },
		{
			target: 'NHS trust, claiming the domain LAS signs in with (refused after the checks)',
			path: `/admin/organisations/${f.organisation.nhs}`,
			form: { issuer: 'https://login.microsoftonline.com/t/v2.0', clientId: 'x', clientSecret: 'y', domains: 'las.demo.test' },
			expect: only(400, ['admin'])
		}
	],
	// MPS has no single sign-on to turn off: refused for the administrator, after authorisation.
	'POST /admin/organisations/[id]?/removeSso': (f) => [
		{ target: 'MPS, which has none', path: `/admin/organisations/${f.organisation.mps}`, expect: only(400, ['admin']) }
	],
	'POST /admin/people/new?/default': (f) => [
		{ target: 'an empty form', path: '/admin/people/new', expect: only(400, ['admin']) },
		{
			target: 'a complete new person',
			path: '/admin/people/new',
			form: { ...f.officerForm, name: 'Matrix Person', email: 'matrix.person@demo.test', workforceId: 'MATRIX-1' },
			expect: wouldWrite(['admin'])
		}
	],
	'POST /admin/people/[id]?/update': (f) => [
		{ target: "officer's record, an empty form", path: `/admin/people/${f.person.officer}`, expect: only(400, ['admin']) },
		{
			target: "officer's record, a new name",
			path: `/admin/people/${f.person.officer}`,
			form: { ...f.officerForm, name: 'Renamed Officer' },
			expect: wouldWrite(['admin'])
		}
	],
	'POST /admin/people/[id]?/markLeft': (f) => [
		{ target: "officer's record, an empty form", path: `/admin/people/${f.person.officer}`, expect: only(400, ['admin']) },
		{ target: "officer's record, a leaving date", path: `/admin/people/${f.person.officer}`, form: { leftDate: f.today }, expect: wouldWrite(['admin']) }
	],
	'POST /admin/people/[id]?/reinstate': (f) => [
		{ target: 'officer, who has not left', path: `/admin/people/${f.person.officer}`, expect: only(400, ['admin']) },
		{ target: 'someone who has left', path: `/admin/people/${f.person.leaver}`, expect: wouldWrite(['admin']) }
	],
	'POST /admin/people/[id]?/sendLink': (f) => [
		{ target: 'someone who has left', path: `/admin/people/${f.person.leaver}`, expect: only(400, ['admin']) },
		{ target: 'a password reset link to the officer', path: `/admin/people/${f.person.officer}`, expect: wouldWrite(['admin']) }
	],
	'POST /admin/people/[id]?/grant': (f) => [
		{ target: "officer's record, an empty form", path: `/admin/people/${f.person.officer}`, expect: only(400, ['admin']) },
		{
			target: "officer's record, the administrator role",
			path: `/admin/people/${f.person.officer}`,
			form: { role: 'admin', scope: '' },
			expect: wouldWrite(['admin'])
		}
	],
	'POST /admin/people/[id]?/revoke': (f) => [
		{ target: "officer's record, an empty form", path: `/admin/people/${f.person.officer}`, expect: only(400, ['admin']) },
		{
			target: "officer's record with the unit manager's grant id",
			path: `/admin/people/${f.person.officer}`,
			form: { grantId: String(f.grant.manager) },
			expect: only(400, ['admin'])
		},
		{
			target: "the unit manager's own grant",
			path: `/admin/people/${f.person.manager}`,
			form: { grantId: String(f.grant.manager) },
			expect: wouldWrite(['admin'])
		}
	],
	'POST /admin/units/[id]?/default': (f) => [
		{ target: 'Central South BCU, an empty form', path: `/admin/units/${f.unit.centralSouth}`, expect: only(400, ['admin']) },
		{
			target: 'Central South BCU, a new name',
			path: `/admin/units/${f.unit.centralSouth}`,
			form: { name: 'Renamed Unit', kind: 'bcu', borough: '' },
			expect: wouldWrite(['admin'])
		}
	]
};
