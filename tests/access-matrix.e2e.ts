import type { APIRequest, APIRequestContext, APIResponse } from '@playwright/test';
import { expect, test } from './fixtures';
import type Database from 'better-sqlite3';
import { EXPECTATIONS, type Case, type Fixtures, type Outcome } from './access-expectations';
import { one, personId, tableDigests } from './e2e-db';
import { CALLER_NAMES, CALLERS, callerContext, callerContexts, formHeaders, postForm, type Caller } from './http-callers';
import { discoverRoutes, type RouteEntry } from './route-inventory';
import { unsubscribeToken } from '../src/lib/server/mail/unsubscribe-token';

// Every page, endpoint and form action, asked by every kind of caller, with ids of records that belong to
// particular people. The routes come from the files in src/routes, so a new one fails the first test until
// it is classified in access-expectations.ts.

const inventory = discoverRoutes();
const ACTIVE_RUN_SLUG = 'welfare-call-rcrp'; // no other test plays it, so the officer's open run here disturbs nothing
const MODULE_SLUG = 'restraint-safety';

let baseURL: string;
let contexts: Record<Caller, APIRequestContext>;
let db: Database.Database;
let fx: Fixtures;

const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

/** An evidence row of the person that is neither a correction nor already voided. */
const liveEvidence = (person: number) =>
	one(
		db,
		'select id from evidence e where person_id = ? and voids_id is null and not exists (select 1 from evidence v where v.voids_id = e.id) order by id limit 1',
		person
	);

async function makeFixtures(): Promise<Fixtures> {
	const id = (who: string) => personId(db, `${who}@demo.test`);
	const organisation = (name: string) => one(db, 'select id from organisations where name = ?', name);
	const wid = (person: number) => one<string>(db, 'select workforce_id from people where id = ?', person);
	const person = {
		officer: id('officer'),
		recruit: id('recruit'),
		nurse: id('nurse'),
		custody: id('custody'),
		trainer: id('trainer'),
		manager: id('manager'),
		leaver: 0
	};
	const mps = organisation('Metropolitan Police Service');
	person.leaver = one(db, "select id from people where status = 'left' and organisation_id = ? order by id limit 1", mps);

	// The officer's own open run, made the way the officer would make it.
	const officer = contexts.officer;
	const started = await postForm(officer, baseURL, `/scenarios/${ACTIVE_RUN_SLUG}?/start`);
	expect(started.status()).toBe(303);
	const activeId = Number(/\/runs\/(\d+)$/.exec(started.headers().location!)![1]);
	const runPage = await (await officer.get(`/scenarios/${ACTIVE_RUN_SLUG}/runs/${activeId}`)).text();
	const firstChoice = /name="event" value="([^"]+)"/.exec(runPage)![1];
	const finished = db
		.prepare("select id, scenario_slug as slug from scenario_runs where person_id = ? and status = 'finished' order by id limit 1")
		.get(person.officer) as { id: number; slug: string };

	// A reflection of the officer's that nobody else may overwrite.
	const modulePage = await (await officer.get(`/modules/${MODULE_SLUG}`)).text();
	const reflectionId = /name="reflectionId" value="([^"]+)"/.exec(modulePage)![1];
	expect((await postForm(officer, baseURL, `/modules/${MODULE_SLUG}?/reflect`, { reflectionId, body: 'The officer’s own words' })).status()).toBe(200);

	const certificate = Object.fromEntries(
		CALLER_NAMES.map((c) => [
			c,
			c !== 'visitor' && !!db.prepare('select 1 from module_completions where person_id = ? and module_slug = ?').get(personId(db, CALLERS[c]!), MODULE_SLUG)
		])
	) as Record<Caller, boolean>;
	expect(certificate.officer && !certificate.recruit, 'the demo officer has completed the module and the recruit has not').toBe(true);

	return {
		person,
		workforceId: { officer: wid(person.officer), nurse: wid(person.nurse), custody: wid(person.custody) },
		organisation: { mps, nhs: organisation('Thameside Mental Health NHS Trust (demo)'), las: organisation('London Ambulance Service') },
		unit: { centralSouth: one(db, "select id from units where name = 'Central South BCU'") },
		officerForm: Object.fromEntries(
			Object.entries(
				db
					.prepare(
						'select name, email, organisation_id as organisationId, unit_id as unitId, job_role as jobRole, workforce_id as workforceId, start_date as startDate from people where id = ?'
					)
					.get(person.officer) as object
			).map(([k, v]) => [k, String(v)])
		),
		grant: { manager: one(db, 'select id from role_grants where person_id = ?', id('manager')) },
		evidence: { officer: liveEvidence(person.officer), nurse: liveEvidence(person.nurse) },
		module: { slug: MODULE_SLUG, reflectionId, certificate },
		run: { slug: ACTIVE_RUN_SLUG, activeId, finishedSlug: finished.slug, finishedId: finished.id, firstChoice },
		today: londonToday(),
		practical: {
			upcoming: one(db, "select id from practical_sessions where title = 'Safe restraint and monitoring, full day'"),
			inProgress: one(db, "select id from practical_sessions where title = 'Personal safety refresher (today)'"),
			waitingName: one<string>(
				db,
				"select p.name from practical_bookings b join people p on p.id = b.person_id join practical_sessions s on s.id = b.session_id where s.title = 'Safe restraint and monitoring, full day' and b.status = 'waiting' order by b.id limit 1"
			)
		},
		unsubscribe: unsubscribeFixtures(person.manager, person.officer),
		priorLearning: {
			pending: one(db, "select id from prior_learning_claims where person_id = ? and status = 'pending' order by id limit 1", person.officer),
			approved: one(db, "select id from prior_learning_claims where person_id = ? and status = 'approved' order by id limit 1", person.nurse),
			pendingProvider: one<string>(db, 'select provider from prior_learning_claims where person_id = ? order by id limit 1', person.officer)
		},
		assignment: {
			centralSouth: one(db, "select id from assignments where reason like 'Demo: after a section 136%'"),
			custody: one(db, "select id from assignments where reason like 'Demo: custody vulnerability review%'")
		}
	};
}

/** The unit manager's one-click unsubscribe token as the server signs it (its key is kept in the database). */
function unsubscribeFixtures(manager: number, other: number) {
	const secret = one<string>(db, "select value from app_secrets where name = 'signing-key'");
	const valid = unsubscribeToken(secret, manager, 'digest');
	return { valid, forged: valid.replace(`.${manager}.`, `.${other}.`), address: 'manager@demo.test' };
}

test.beforeAll(async ({ playwright, db: workerDb }, testInfo) => {
	baseURL = testInfo.project.use.baseURL!;
	contexts = await callerContexts(playwright.request, baseURL);
	db = workerDb;
	fx = await makeFixtures();
});

test.afterAll(async () => {
	await Promise.all(Object.values(contexts ?? {}).map((c) => c.dispose()));
});

/** "/manage/people/[id]" as a pattern, to prove that each case really asks the route it is filed under. */
const routePattern = (route: string) => new RegExp(`^${route.replace(/[.+?^${}()|\\]/g, '\\$&').replace(/\[[^\]]+\]/g, '[^/]+')}$`);

type Answer = { status: number; location: string; body: string };

/**
 * Asks once as `caller`. A form action is asked twice: as a plain browser form (text/html, where SvelteKit also runs
 * the page's load) and as use:enhance does (application/json, the action's own answer alone); both must refuse.
 */
async function ask(requests: APIRequest, entry: RouteEntry, c: Case, caller: Caller, accept: 'text/html' | 'application/json'): Promise<Answer> {
	const context = c.freshSession ? await callerContext(requests, baseURL, CALLERS[caller]) : contexts[caller];
	try {
		let response: APIResponse;
		if (entry.kind !== 'action') response = await context.get(c.path, { maxRedirects: 0 });
		else {
			const url = entry.action === 'default' ? c.path : `${c.path}?/${entry.action}`;
			const headers = { ...formHeaders(baseURL), accept };
			response = c.multipart
				? await context.post(url, { multipart: c.multipart, headers, maxRedirects: 0 })
				: await context.post(url, { form: c.form ?? {}, headers, maxRedirects: 0 });
		}
		const answer = { status: response.status(), location: response.headers().location ?? '', body: await response.text() };
		if (accept === 'text/html') return answer;
		// use:enhance gets 200 with {type, status, location} for a failure, success or redirect, and the error's status for an error.
		const json = JSON.parse(answer.body) as { type: string; status?: number; location?: string };
		if (json.type === 'redirect') return { ...answer, status: json.status!, location: json.location! };
		if (json.type === 'failure') return { ...answer, status: json.status! };
		return answer;
	} finally {
		if (c.freshSession) await context.dispose();
	}
}

function differs(outcome: Outcome, { status, location }: Answer): boolean {
	if (outcome === 'skip') return false;
	if (typeof outcome === 'number') return status !== outcome;
	return status !== 303 || !(typeof outcome.to === 'string' ? location === outcome.to : outcome.to.test(location));
}

const show = (outcome: Outcome) => (typeof outcome === 'object' ? `303 → ${outcome.to}` : String(outcome));

test('every page, endpoint and form action in src/routes is classified', () => {
	const discovered = inventory.map((e) => e.key);
	const classified = Object.keys(EXPECTATIONS);
	expect(
		discovered.filter((k) => !classified.includes(k)),
		'routes or actions with no expectations: add them to tests/access-expectations.ts'
	).toEqual([]);
	expect(
		classified.filter((k) => !discovered.includes(k)),
		'expectations for routes that no longer exist: remove them from tests/access-expectations.ts'
	).toEqual([]);
	expect(inventory.filter((e) => e.kind === 'action').length, 'form actions found').toBeGreaterThan(20);
});

for (const key of Object.keys(EXPECTATIONS)) {
	test(key, async ({ playwright }) => {
		const entry = inventory.find((e) => e.key === key);
		test.skip(!entry, 'no longer in src/routes (the first test says so)');
		const problems: string[] = [];
		for (const c of EXPECTATIONS[key](fx)) {
			expect(c.path.split('?')[0], `${key}: the case "${c.target}" asks another route`).toMatch(routePattern(entry!.route));
			const before = c.writes ? (c.writes.keep ? JSON.stringify(db.prepare(c.writes.keep).all()) : null) : tableDigests(db);
			for (const caller of CALLER_NAMES) {
				for (const accept of entry!.kind === 'action' ? (['text/html', 'application/json'] as const) : (['text/html'] as const)) {
					const outcome = (accept === 'application/json' ? c.json?.[caller] : undefined) ?? c.expect[caller];
					if (outcome === 'skip') continue;
					const answer = await ask(playwright.request, entry!, c, caller, accept);
					const how = entry!.kind === 'action' ? ` (${accept})` : '';
					if (differs(outcome, answer))
						problems.push(`${caller} → ${c.target}${how}: got ${answer.status}${answer.location ? ` → ${answer.location}` : ''}, expected ${show(outcome)}`);
					for (const secret of c.secrets ?? []) {
						const mayContain = (secret.seenBy ? secret.seenBy.includes(caller) : true) && answer.status < 400;
						if (!mayContain && (answer.body.includes(secret.text) || answer.location.includes(secret.text)))
							problems.push(`${caller} → ${c.target}${how}: the answer contains "${secret.text}"`);
					}
					expect(answer.status, `${caller} → ${c.target}${how}: a server error`).toBeLessThan(500);
				}
			}
			if (!c.writes) expect(tableDigests(db), `${key}, ${c.target}: refused or invalid requests changed the records`).toEqual(before);
			else if (c.writes.keep) expect(JSON.stringify(db.prepare(c.writes.keep).all()), `${key}, ${c.target}: someone else's record changed`).toBe(before);
		}
		expect(problems, `${key}: callers answered other than the table says`).toEqual([]);
	});
}
