import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import fc from 'fast-check';
import { verifyAuditFile } from '../src/lib/server/audit/verify-file';
import { personId } from './e2e-db';
import { budget } from './budget';
import { signIn } from './helpers';
import { waitForLink } from './mailbox';
import { brokenInvariants, digestOutside, unauditedWrites } from './hostile/db-checks';
import { formFields } from './hostile/form-fields';
import { send, VISITOR, type Body, type Session } from './hostile/http';
import { payloadFor, type Payload } from './hostile/payloads';
import { certificateFiles } from './hostile/certificate-files';
import { rosterFiles } from './hostile/roster-files';
import { highWaterMarks, makeSandbox } from './hostile/sandbox';
import { FUZZ_TARGETS, type FuzzTarget } from './hostile/targets';
import { discoverRoutes } from './route-inventory';

const CONCURRENCY = 4;
/** Fixed so that a failure can be replayed; FUZZ_SEED=… explores other payloads. */
const SEED = Number(process.env.FUZZ_SEED ?? 20260311);
/** Sign-in attempts that reach the password check count towards the per-address limit (100 in 15 minutes), which later tests share. */
const SIGN_IN_BUDGET = 25;

let baseURL: string;

// eslint-disable-next-line no-empty-pattern -- Playwright reads the first argument's pattern to decide which fixtures to set up
test.beforeAll(({}, testInfo) => {
	baseURL = testInfo.project.use.baseURL!;
});

/** Runs jobs `limit` at a time. */
async function pool<T>(items: T[], limit: number, job: (item: T) => Promise<void>) {
	const queue = [...items];
	await Promise.all(
		Array.from({ length: limit }, async () => {
			for (let item = queue.shift(); item !== undefined; item = queue.shift()) await job(item);
		})
	);
}

const short = (s: string) => (s.length > 80 ? `${JSON.stringify(s.slice(0, 60))}… (${s.length} characters)` : JSON.stringify(s));
const describeBody = (body: Body) =>
	body.kind === 'raw'
		? `${body.contentType} body of ${body.bytes.length} bytes`
		: `${body.kind}: ${body.entries.map(([k, v]) => `${short(k)}=${short(v)}`).join(' & ') || '(empty)'}${body.kind === 'multipart' ? ` + ${body.files.length} file(s)` : ''}`;

test('thousands of generated payloads to every form action: no server error, nothing written outside the sandbox, the database intact', async ({ db }) => {
	test.setTimeout(budget(10 * 60_000));
	const actions = discoverRoutes().filter((e) => e.kind === 'action');
	expect(
		actions.map((a) => a.key).filter((k) => !FUZZ_TARGETS[k]),
		'form actions with no fuzz target: add them to tests/hostile/targets.ts'
	).toEqual([]);
	expect(
		Object.keys(FUZZ_TARGETS).filter((k) => !actions.some((a) => a.key === k)),
		'fuzz targets for actions that no longer exist'
	).toEqual([]);

	const sandbox = await makeSandbox(baseURL, db);
	const sessions: Record<FuzzTarget['caller'], Session> = { visitor: VISITOR, admin: sandbox.admin, learner: sandbox.learner.session };
	const marks = highWaterMarks(db);
	const before = digestOutside(db, sandbox, marks);

	const tally: Record<string, Record<number, number>> = {};
	const failures: string[] = [];
	let sent = 0;
	let signInAttempts = 0;
	const started = Date.now();

	await pool(Object.keys(FUZZ_TARGETS), CONCURRENCY, async (key) => {
		const target = FUZZ_TARGETS[key];
		const action = key.split('?/')[1];
		const session = sessions[target.caller];
		const path = target.path(sandbox);
		const page = await send(baseURL, session, path, null);
		const fields = { ...formFields(page.text, action), ...target.samples?.(sandbox, db) };
		const url = action === 'default' ? path : `${path}?/${action}`;
		tally[key] = {};

		const property = fc.asyncProperty(
			payloadFor(fields, target.files === 'roster' ? rosterFiles : target.files === 'certificate' ? certificateFiles : undefined),
			async ({ body, accept }: Payload) => {
				if (key === 'POST /login?/default' && body.kind !== 'raw') {
					const complete = body.entries.some(([k, v]) => k === 'email' && v.trim()) && body.entries.some(([k, v]) => k === 'password' && v);
					if (complete && ++signInAttempts > SIGN_IN_BUDGET) body.entries = body.entries.filter(([k]) => k !== 'password');
				}
				const reply = await send(baseURL, session, url, body, accept).catch((e: Error) => {
					throw new Error(`${e.message} (${String((e.cause as Error)?.message ?? e.cause)})\n  sent ${describeBody(body)} (${accept})`);
				});
				sent++;
				tally[key][reply.status] = (tally[key][reply.status] ?? 0) + 1;
				if (reply.status >= 500 || /Internal Error/.test(reply.text))
					throw new Error(`${reply.status}: ${reply.text.slice(0, 300)}\n  sent ${describeBody(body)} (${accept})`);
			}
		);
		const result = await fc.check(property, { numRuns: target.runs, seed: SEED, endOnFailure: true });
		if (result.failed) failures.push(`${key} (seed ${SEED}): ${(result.errorInstance as Error)?.message ?? String(result.errorInstance)}`);
	});

	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	test.info().annotations.push({ type: 'payloads', description: `${sent} requests in ${seconds} s; answers by action: ${JSON.stringify(tally)}` });
	console.log(`hostile input: ${sent} requests in ${seconds} s`);
	expect(failures, 'server errors').toEqual([]);
	expect(sent, 'payloads sent').toBeGreaterThanOrEqual(5000);
	// Each caller kept their session, so the payloads reached the actions rather than the sign-in page.
	for (const [key, statuses] of Object.entries(tally))
		expect(
			Object.keys(statuses).some((s) => s === '200' || s === '400'),
			`${key} never got past the guards: ${JSON.stringify(statuses)}`
		).toBe(true);

	expect(digestOutside(db, sandbox, marks), 'records outside the sandbox changed').toEqual(before);
	expect(brokenInvariants(db), 'stored rows that break the forms’ rules').toEqual({});
	expect(unauditedWrites(db, marks, sandbox), 'rows written without their audit entry').toEqual([]);
	expect(verifyAuditFile(db.name).message).toMatch(/^Audit chain verified/);
	expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
	expect((await send(baseURL, VISITOR, '/login', null)).status, 'the server still answers').toBe(200);
});

test('sign-in never sends anyone to another site', async () => {
	for (const redirectTo of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '/manage']) {
		const reply = await send(baseURL, VISITOR, '/login', {
			kind: 'urlencoded',
			entries: [
				['email', 'officer@demo.test'],
				['password', 'demo-pass-2026'],
				['redirectTo', redirectTo]
			]
		});
		expect(reply.status).toBe(303);
		expect(reply.location, redirectTo).toBe(redirectTo === '/manage' ? '/manage' : '/training');
	}
});

test('a large post answered before its body is read still gets its answer, and the connection stays usable', async () => {
	// A 1 MB form from someone whose session has ended: the guard answers before reading it. Without reading
	// the rest, Node resets the connection, and the answer (or the next request on it) is lost.
	const big: Body = { kind: 'multipart', entries: [['name', 'x'.repeat(1_048_576)]], files: [] };
	const errors: string[] = [];
	await pool([0, 1, 2, 3], CONCURRENCY, async () => {
		for (let i = 0; i < 6; i++) {
			for (const [path, body] of [
				['/admin/organisations?/create', big],
				['/login', null]
			] as const) {
				await send(baseURL, VISITOR, path, body).catch((e: Error) => errors.push(`${path}: ${String((e.cause as Error)?.message ?? e.message)}`));
			}
		}
	});
	expect(errors).toEqual([]);
});

/* ---------------------------------------------------------------------------------------------------------------- */

const NAME = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const NOTES = '<script>alert(3)</script><img src=x onerror=alert(4)> observed';
const REFLECTION = '</textarea><script>alert(5)</script><img src=x onerror=alert(6)>';

/** The stored text reached the page as text: no script or image element was made from it, in the HTML or the live DOM. */
async function expectEscaped(page: Page, path: string, shown: string | null) {
	const response = await page.goto(path);
	expect(response!.status(), path).toBe(200);
	const html = await response!.text();
	expect(html, `${path}: raw markup in the HTML`).not.toMatch(/<script>alert\(|<img src=x/);
	const injected = await page.evaluate(() => ({
		scripts: [...document.querySelectorAll('script')].filter((s) => /^\s*alert\(/.test(s.textContent ?? '')).length,
		images: document.querySelectorAll('img[src="x"], [onerror]').length
	}));
	expect(injected, `${path}: elements made from stored text`).toEqual({ scripts: 0, images: 0 });
	// Playwright's text selectors never look inside <script>, so this is zero even for a real injection; the DOM query above is the proof.
	expect(await page.locator('script:text("alert(1)")').count()).toBe(0);
	if (shown) await expect(page.getByText(shown).first(), `${path}: the text is shown as text`).toBeVisible();
}

test('names, assessment notes and reflections are always shown as text, never as markup', async ({ browser, page, db }) => {
	test.setTimeout(budget(120_000));
	const dialogs: string[] = [];
	const watch = (p: Page) => p.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
	watch(page);
	const origin = new URL(baseURL).origin;
	const form = (p: Page, path: string, fields: Record<string, string>) =>
		p.request.post(path, { form: fields, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });

	// An administrator adds a person whose name is markup, in the MPS training team.
	await signIn(page, 'admin@demo.test');
	const organisationId = String(db.prepare("select id from organisations where name = 'Metropolitan Police Service'").pluck().get());
	const unitId = String(db.prepare("select id from units where name = 'Personal Safety Training'").pluck().get());
	const created = await form(page, '/admin/people/new', {
		name: NAME,
		email: 'xss.person@hostile.test',
		organisationId,
		unitId,
		jobRole: 'police-constable',
		workforceId: 'XSS-1',
		startDate: '2021-03-01'
	});
	expect(created.status()).toBe(303);
	const id = personId(db, 'xss.person@hostile.test');
	// They choose a password from their activation email (whose greeting holds the markup name as text).
	const password = 'xss-person-password';
	const activated = await form(page, await waitForLink(db, 'xss.person@hostile.test', 'activate'), { password, confirm: password });
	expect(activated.headers().location).toBe('/login?password=activated');

	// A trainer records an assessment with markup in the notes.
	const trainer = await browser.newPage();
	watch(trainer);
	await signIn(trainer, 'trainer@demo.test');
	expect(
		(await form(trainer, `/assess/${id}`, { competencyId: 'safe-restraint', assessedOn: '2025-05-01', outcome: 'not-yet-competent', notes: NOTES })).status()
	).toBe(200);

	// The person writes a reflection with markup that tries to close the text box.
	const learner = await browser.newPage();
	watch(learner);
	await signIn(learner, 'xss.person@hostile.test', password);
	expect((await form(learner, '/modules/de-escalation?/reflect', { reflectionId: await reflectionId(learner), body: REFLECTION })).status()).toBe(200);

	for (const path of [
		'/admin/people?q=xss.person',
		`/admin/people/${id}`,
		`/manage/people/${id}`,
		`/manage/people/${id}/record`,
		'/admin/audit',
		'/admin/audit/reads'
	])
		await expectEscaped(page, path, NAME);
	await expectEscaped(page, `/manage/people/${id}`, NOTES);
	for (const path of ['/assess?q=xss.person', `/assess/${id}`]) await expectEscaped(trainer, path, NAME);
	await expectEscaped(trainer, `/assess/${id}`, NOTES);
	for (const path of ['/training', '/account']) await expectEscaped(learner, path, NAME);
	await expectEscaped(learner, '/training/record', NOTES);
	await expectEscaped(learner, '/modules/de-escalation', null);
	await expect(learner.locator('textarea[name="body"]').first()).toHaveValue(REFLECTION);
	// A search echoes what was typed, in the box and the results heading: as text, and never as FTS5 syntax (no 500).
	await expectEscaped(learner, `/search?q=${encodeURIComponent(NAME)}`, null);
	await expect(learner.getByLabel('Words to look for')).toHaveValue(NAME);

	const manager = await browser.newPage();
	watch(manager);
	await signIn(manager, 'mps-manager@demo.test');
	for (const path of ['/manage/people?q=xss.person', `/manage/people/${id}`]) await expectEscaped(manager, path, NAME);

	expect(dialogs, 'alerts raised by stored text').toEqual([]);
});

async function reflectionId(page: Page) {
	await page.goto('/modules/de-escalation');
	return (await page.locator('input[name="reflectionId"]').first().getAttribute('value'))!;
}
