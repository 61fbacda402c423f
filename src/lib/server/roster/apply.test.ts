import { beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import '../mail/catalogue';
import { verifyAuditChain } from '../audit/verify';
import { createSession, generateSessionToken } from '../auth/session';
import type { Db } from '../db';
import { accountTokens, auditLog, competencyStatus, mailOutbox, people, sessions } from '../db/schema';
import { addOrganisation, addPerson, addUnit, grant, testDb } from '$testing/fixtures';
import { testAssignmentContent, testFramework } from '$testing/framework';
import { requiredFor } from '../competency/framework';
import { markLeft } from '../people/repository';
import { applyRoster, type ApplyOptions, type ApplyOutcome } from './apply';
import { claimImport, latestImport, STALE_AFTER_MS } from './imports-store';
import { inThreadTasks } from './tasks';
import { countPlan } from './plan';
import { rosterImports } from '../db/schema';
import { dryRunRoster } from './dry-run';

const framework = testFramework();
const HEADER = 'workforce_id,name,email,unit,job_role,start_date,leaving_date';
const ADMIN = { isAdmin: true, organisationIds: [] };
const csv = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join('\n') + '\n');

describe('applying a roster', () => {
	let db: Db;
	let orgId: number;
	let willow: { id: number; organisationId: number };
	let cedar: { id: number; organisationId: number };
	let ids: Record<'grace' | 'kofi' | 'ewa' | 'declan' | 'absent', number>;
	let actorId: number;

	beforeEach(() => {
		db = testDb();
		const org = addOrganisation(db, 'Thameside Mental Health NHS Trust (demo)', 'nhs');
		const police = addOrganisation(db, 'Metropolitan Police Service', 'police');
		orgId = org.id;
		willow = addUnit(db, org.id, 'Willow Ward');
		cedar = addUnit(db, org.id, 'Cedar Ward');
		const bcu = addUnit(db, police.id, 'Central South BCU');
		actorId = addPerson(db, bcu, { email: 'admin@met.test', workforceId: 'MPS1' }).id;
		const nurse = { jobRole: 'mental-health-nurse', startDate: '2020-01-01' };
		ids = {
			grace: addPerson(db, willow, { ...nurse, workforceId: 'TMH1', name: 'Grace Mensah', email: 'grace@nhs.test' }).id,
			kofi: addPerson(db, cedar, { ...nurse, workforceId: 'TMH2', name: 'Kofi Boateng', email: 'kofi@nhs.test', jobRole: 'ward-healthcare-assistant' }).id,
			ewa: addPerson(db, willow, { ...nurse, workforceId: 'TMH3', name: 'Ewa Kowalski', email: 'ewa@nhs.test' }).id,
			declan: addPerson(db, willow, { ...nurse, workforceId: 'TMH4', name: 'Declan Murphy', email: 'declan@nhs.test', status: 'left', leftDate: '2025-06-30' })
				.id,
			absent: addPerson(db, willow, { ...nurse, workforceId: 'TMH6', name: 'Not In The File', email: 'absent@nhs.test' }).id
		};
	});

	const roster = () =>
		csv(
			'TMH1,Grace Mensah,grace@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,',
			'TMH2,Kofi Boateng,kofi@nhs.test,Cedar Ward,Mental health nurse,2020-01-01,',
			'TMH3,Ewa Kowalski,ewa@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,2026-01-31',
			'TMH4,Declan Murphy,declan@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,',
			'TMH100,=SUM(A1),aisha@nhs.test,Cedar Ward,ward-healthcare-assistant,2026-02-02,'
		);
	const check = (bytes: Uint8Array) => {
		const dry = dryRunRoster(db, orgId, bytes, ADMIN);
		if (!dry.ok) throw new Error(dry.message);
		return dry;
	};
	const start = (bytes: Uint8Array, fingerprint = check(bytes).fingerprint, options: ApplyOptions = {}) =>
		applyRoster(
			db,
			testAssignmentContent(framework),
			{ actorId, importer: ADMIN, organisationId: orgId, bytes, fileName: 'roster.csv', fingerprint },
			{ tasks: inThreadTasks, ...options }
		);
	/** Applies and waits for the last chunk. */
	const apply = async (bytes: Uint8Array, fingerprint?: string, options: ApplyOptions = {}) => finish(await start(bytes, fingerprint, options));
	const finish = async (outcome: ApplyOutcome) => (outcome.ok && outcome.importId !== undefined ? { ...outcome, state: await outcome.finished } : outcome);
	const snapshot = () => ({
		people: db.select().from(people).orderBy(people.id).all(),
		audit: db.select({ n: count() }).from(auditLog).get()!.n,
		sessions: db.select({ n: count() }).from(sessions).get()!.n,
		statuses: db.select({ n: count() }).from(competencyStatus).get()!.n,
		mail: db.select({ to: mailOutbox.toAddress, template: mailOutbox.template }).from(mailOutbox).all(),
		links: db.select({ n: count() }).from(accountTokens).get()!.n
	});
	const byWorkforceId = (workforceId: string) => db.select().from(people).where(eq(people.workforceId, workforceId)).get();

	it('a dry run writes nothing', () => {
		const before = snapshot();
		expect(check(roster()).plan.problems).toEqual([]);
		expect(snapshot()).toEqual(before);
	});

	it('creates, updates, marks as left and reinstates, with one audit entry per person and a summary', async () => {
		createSession(db, generateSessionToken(), ids.ewa);
		createSession(db, generateSessionToken(), ids.grace);
		const before = snapshot();
		const result = await apply(roster());
		expect(result).toMatchObject({
			ok: true,
			counts: expect.objectContaining({ create: 1, update: 1, leave: 1, reinstate: 1, unchanged: 1, toChange: 4 }),
			state: { status: 'done', done: 4, total: 4, skippedLines: [] }
		});

		expect(byWorkforceId('TMH100')).toMatchObject({
			organisationId: orgId,
			unitId: cedar.id,
			name: '=SUM(A1)',
			email: 'aisha@nhs.test',
			jobRole: 'ward-healthcare-assistant',
			status: 'active'
		});
		// Only the new person is sent an activation link, in the import's transaction.
		expect(snapshot()).toMatchObject({ mail: [{ to: 'aisha@nhs.test', template: 'account-activation' }], links: 1 });
		expect(byWorkforceId('TMH2')).toMatchObject({ jobRole: 'mental-health-nurse', status: 'active' });
		expect(byWorkforceId('TMH3')).toMatchObject({ status: 'left', leftDate: '2026-01-31' });
		expect(byWorkforceId('TMH4')).toMatchObject({ status: 'active', leftDate: null });
		// people absent from the file and unchanged rows are not touched
		const untouched = (id: number) => before.people.find((p) => p.id === id);
		expect(byWorkforceId('TMH6')).toEqual(untouched(ids.absent));
		expect(byWorkforceId('TMH1')).toEqual(untouched(ids.grace));

		// the leaver is signed out; nobody else is
		expect(
			db
				.select()
				.from(sessions)
				.all()
				.map((s) => s.personId)
		).toEqual([ids.grace]);

		const entries = db.select().from(auditLog).all();
		expect(entries.map((e) => [e.action, e.entityId])).toEqual([
			['person-update', String(ids.kofi)],
			['person-left', String(ids.ewa)],
			['person-reinstate', String(ids.declan)],
			['person-create', String(byWorkforceId('TMH100')!.id)],
			['roster-import', String(orgId)]
		]);
		expect(JSON.parse(entries[0].detail)).toEqual({
			via: 'roster-import',
			line: 3,
			changes: { jobRole: { from: 'ward-healthcare-assistant', to: 'mental-health-nurse' } }
		});
		expect(JSON.parse(entries[4].detail)).toMatchObject({
			file: 'roster.csv',
			sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
			rows: 5,
			created: 1,
			updated: 1,
			left: 1,
			reinstated: 1,
			unchanged: 1
		});
		expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5 });

		// competency status is derived for the new person and re-derived for the changed job role
		const statuses = (id: number) =>
			db
				.select()
				.from(competencyStatus)
				.where(eq(competencyStatus.personId, id))
				.all()
				.map((s) => s.competencyId)
				.sort();
		const required = (jobRole: string) =>
			requiredFor(framework, jobRole)
				.map((r) => r.competency.id)
				.sort();
		expect(required('mental-health-nurse')).not.toEqual(required('ward-healthcare-assistant'));
		expect(statuses(byWorkforceId('TMH100')!.id)).toEqual(required('ward-healthcare-assistant'));
		expect(statuses(ids.kofi)).toEqual(required('mental-health-nurse'));
		expect(statuses(ids.ewa)).toEqual([]);
	});

	it('is idempotent: the same file again shows everything unchanged and writes nothing', async () => {
		expect((await apply(roster())).ok).toBe(true);
		const after = snapshot();
		const again = check(roster());
		expect(again.plan.planned.map((p) => p.kind)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
		expect(await apply(roster())).toEqual({ ok: true, counts: expect.objectContaining({ unchanged: 5, toChange: 0 }) });
		expect(snapshot()).toEqual(after);
	});

	it('rolls back the chunk a write fails in, marks the import failed, and keeps the chunks before it', async () => {
		createSession(db, generateSessionToken(), ids.ewa);
		// The last row's insert fails after the update, leave and reinstate before it have been written.
		db.$client.exec(`create trigger refuse_boom before insert on people when new.workforce_id = 'BOOM' begin select raise(abort, 'disk on fire'); end`);
		const bytes = csv(
			'TMH2,Kofi Boateng,kofi@nhs.test,Cedar Ward,mental-health-nurse,2020-01-01,',
			'TMH3,Ewa Kowalski,ewa@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,2026-01-31',
			'TMH4,Declan Murphy,declan@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,',
			'TMH100,Aisha Ahmed,aisha@nhs.test,Cedar Ward,ward-healthcare-assistant,2026-02-02,',
			'BOOM,Last Row,boom@nhs.test,Cedar Ward,ward-healthcare-assistant,2026-02-02,'
		);
		const before = snapshot();
		const result = await apply(bytes, undefined, { chunkSize: 3 });
		expect(result).toMatchObject({
			ok: true,
			state: { status: 'failed', done: 3, total: 5, message: expect.stringMatching(/disk on fire.*check the file again/) }
		});
		// The first chunk (update, leave, reinstate) stays; the second (the two creates) was rolled back as a whole.
		expect(byWorkforceId('TMH2')).toMatchObject({ jobRole: 'mental-health-nurse' });
		expect(byWorkforceId('TMH3')).toMatchObject({ status: 'left' });
		expect(byWorkforceId('TMH100')).toBeUndefined();
		expect(snapshot().people.length).toBe(before.people.length);
		const actions = db.select({ action: auditLog.action, detail: auditLog.detail }).from(auditLog).all();
		expect(actions.map((a) => a.action)).toEqual(['person-update', 'person-left', 'person-reinstate', 'roster-import-stopped']);
		expect(JSON.parse(actions[3].detail)).toMatchObject({ applied: 3, of: 5 });
		expect(verifyAuditChain(db)).toMatchObject({ ok: true });
		// Safe to re-run: the rows already applied are unchanged now, and the rest apply.
		db.$client.exec('drop trigger refuse_boom');
		expect((await apply(bytes)).ok).toBe(true);
		expect(check(bytes).plan.planned.every((p) => p.kind === 'unchanged')).toBe(true);
	});

	it('applies in chunks with progress between them, and skips a row whose record changed meanwhile', async () => {
		const outcome = await start(roster(), undefined, { chunkSize: 2 });
		if (!outcome.ok || outcome.importId === undefined) throw new Error('not started');
		const progress = () => db.select({ status: rosterImports.status, done: rosterImports.done, total: rosterImports.total }).from(rosterImports).get();
		expect(progress()).toEqual({ status: 'applying', done: 0, total: 4 });
		// Other writes go on between chunks: one lands on a row of the second chunk (line 5, Declan) before it runs.
		await new Promise((resolve) => setImmediate(resolve));
		expect(progress()).toEqual({ status: 'applying', done: 2, total: 4 });
		db.update(people).set({ name: 'Declan Murphy-Jones' }).where(eq(people.id, ids.declan)).run();
		const state = await outcome.finished;
		expect(state).toMatchObject({ status: 'done', done: 4, skippedLines: [5] });
		expect(byWorkforceId('TMH4')).toMatchObject({ status: 'left', name: 'Declan Murphy-Jones' });
		expect(byWorkforceId('TMH100')).toMatchObject({ status: 'active' });
		const summary = db.$client.prepare("select detail from audit_log where action = 'roster-import'").pluck().get() as string;
		expect(JSON.parse(summary)).toMatchObject({ created: 1, reinstated: 1, skippedAsChangedMeanwhile: [5] });
	});

	it('allows one import per organisation at a time, and marks one interrupted by a restart as failed', async () => {
		const first = await start(roster());
		const other = csv('TMH1,Grace Mensah,grace@nhs.test,Cedar Ward,mental-health-nurse,2020-01-01,');
		expect(await apply(other)).toMatchObject({ ok: false, message: expect.stringMatching(/another roster import .* is being applied, 0 of 4 rows so far/) });
		expect(await finish(first)).toMatchObject({ state: { status: 'done' } });
		expect((await apply(other)).ok).toBe(true);

		// A server stopped mid-apply leaves its row 'applying'; once it has not moved for a while it is marked failed.
		const t0 = new Date('2026-03-01T10:00:00Z');
		const claim = claimImport(db, { organisationId: orgId, actorId, fileName: 'big.csv', sha256: 'x'.repeat(64), counts: countPlan(check(other).plan) }, t0);
		expect(claim.ok).toBe(true);
		expect(latestImport(db, orgId, new Date(t0.getTime() + 1000))).toMatchObject({ status: 'applying' });
		expect(latestImport(db, orgId, new Date(t0.getTime() + STALE_AFTER_MS + 1))).toMatchObject({
			status: 'failed',
			message: expect.stringMatching(/stopped part way through.*check the file again and apply it to finish/)
		});
		expect(db.$client.prepare("select count(*) from audit_log where action = 'roster-import-stopped'").pluck().get()).toBe(1);
	});

	it('refuses a file with bad rows, whatever the page sent', async () => {
		const bytes = csv(
			'TMH1,Grace Mensah,grace@nhs.test,Cedar Wrd,mental-health-nurse,2020-01-01,',
			'TMH100,Aisha Ahmed,aisha@nhs.test,Cedar Ward,ward-healthcare-assistant,2026-02-02,'
		);
		const before = snapshot();
		const result = await apply(bytes);
		expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/rows with problems/), dryRun: { plan: { problems: [{ line: 2 }] } } });
		expect(snapshot()).toEqual(before);
	});

	it('refuses when the file or the records changed after the dry run, and shows what the file would do now', async () => {
		const checked = check(roster());
		const before = snapshot();
		const other = csv('TMH1,Grace Mensah,grace@nhs.test,Cedar Ward,mental-health-nurse,2020-01-01,');
		expect(await apply(other, checked.fingerprint)).toMatchObject({ ok: false, message: expect.stringMatching(/not the same as when the file was checked/) });
		expect(snapshot()).toEqual(before);

		db.update(people).set({ name: 'Kofi Boateng-Mensah' }).where(eq(people.id, ids.kofi)).run();
		const result = await apply(roster(), checked.fingerprint);
		expect(result).toMatchObject({
			ok: false,
			dryRun: { plan: { planned: [{}, { kind: 'update', changes: [{ field: 'name' }, { field: 'jobRole' }] }, {}, {}, {}] } }
		});
		expect(byWorkforceId('TMH100')).toBeUndefined();
		if (!result.ok && result.dryRun) expect((await apply(roster(), result.dryRun.fingerprint)).ok).toBe(true);
	});

	describe('by an organisation manager', () => {
		const manager = () => ({ isAdmin: false, organisationIds: [orgId] });
		const asManager = (bytes: Uint8Array) => {
			const dry = dryRunRoster(db, orgId, bytes, manager());
			if (!dry.ok) throw new Error(dry.message);
			return {
				dry,
				apply: async () =>
					finish(
						await applyRoster(
							db,
							testAssignmentContent(framework),
							{ actorId, importer: manager(), organisationId: orgId, bytes, fileName: 'm.csv', fingerprint: dry.fingerprint },
							{ tasks: inThreadTasks }
						)
					)
			};
		};
		const grantsOf = (personId: number) => db.$client.prepare('select role from role_grants where person_id = ? order by id').pluck().all(personId);

		it("lists for an administrator, and does not apply, changes to someone whose roles reach beyond the manager's", async () => {
			grant(db, ids.grace, 'admin');
			grant(db, ids.kofi, 'partnership-lead');
			grant(db, ids.ewa, 'manager', { organisationId: orgId }); // within: the same organisation
			const bytes = csv(
				'TMH1,Grace Mensah,grace@nhs.test,Cedar Ward,mental-health-nurse,2020-01-01,',
				'TMH2,Kofi Boateng,kofi@nhs.test,Cedar Ward,ward-healthcare-assistant,2020-01-01,2026-01-31',
				'TMH3,Ewa Kowalski,ewa@nhs.test,Cedar Ward,mental-health-nurse,2020-01-01,'
			);
			const { dry, apply: applyIt } = asManager(bytes);
			expect(dry.plan.problems).toEqual([]);
			expect(dry.plan.planned).toMatchObject([
				{
					kind: 'needs-admin',
					wanted: 'update',
					reason: 'they hold an access role beyond yours (Administrator), so only an administrator can change their record'
				},
				{ kind: 'needs-admin', wanted: 'leave', reason: expect.stringMatching(/^they hold an access role beyond yours \(Partnership lead\)/) },
				{ kind: 'update' }
			]);
			expect(await applyIt()).toMatchObject({ ok: true, counts: { update: 1, 'needs-admin': 2, toChange: 1 } });
			expect(byWorkforceId('TMH1')).toMatchObject({ unitId: willow.id });
			expect(byWorkforceId('TMH2')).toMatchObject({ status: 'active' });
			expect(grantsOf(ids.kofi)).toEqual(['partnership-lead']);
			expect(byWorkforceId('TMH3')).toMatchObject({ unitId: cedar.id });
			const summary = db.$client.prepare("select detail from audit_log where action = 'roster-import'").pluck().get() as string;
			expect(JSON.parse(summary)).toMatchObject({ updated: 1, needsAdministrator: 2 });
			// An administrator's import of the same file applies them.
			expect(dryRunRoster(db, orgId, bytes, ADMIN)).toMatchObject({ plan: { planned: [{ kind: 'update' }, { kind: 'leave' }, { kind: 'unchanged' }] } });
		});

		it("cannot reinstate a partnership lead an administrator marked as left (the outside tester's case)", async () => {
			grant(db, ids.grace, 'partnership-lead');
			expect(markLeft(db, actorId, ids.grace, '2026-01-31').ok).toBe(true);
			expect(grantsOf(ids.grace)).toEqual([]);
			const bytes = csv('TMH1,Grace Mensah,grace@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,');
			const { dry, apply: applyIt } = asManager(bytes);
			expect(dry.plan.planned).toMatchObject([
				{ kind: 'needs-admin', wanted: 'reinstate', reason: 'an administrator marked them as left, so only an administrator can reinstate them' }
			]);
			const before = snapshot();
			expect(await applyIt()).toMatchObject({ ok: true, counts: { toChange: 0 } });
			expect(snapshot()).toEqual(before);
			expect(byWorkforceId('TMH1')).toMatchObject({ status: 'left' });
		});

		it("cannot reinstate someone who left before leaving ended roles and kept one beyond the manager's", () => {
			grant(db, ids.declan, 'partnership-lead');
			const { dry } = asManager(csv('TMH4,Declan Murphy,declan@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,'));
			expect(dry.plan.planned).toMatchObject([{ kind: 'needs-admin', wanted: 'reinstate', reason: expect.stringMatching(/Partnership lead/) }]);
		});

		it('ends the roles of those it marks as left, and may reinstate those a manager marked as left, who come back with no role', async () => {
			grant(db, ids.ewa, 'trainer', { organisationId: orgId });
			const leave = asManager(csv('TMH3,Ewa Kowalski,ewa@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,2026-01-31'));
			expect(await leave.apply()).toMatchObject({ ok: true, counts: { leave: 1 } });
			expect(byWorkforceId('TMH3')).toMatchObject({ status: 'left', leftByAdmin: false });
			expect(grantsOf(ids.ewa)).toEqual([]);
			const revoke = db.$client.prepare("select actor_id as actorId, detail from audit_log where action = 'role-revoke'").get() as {
				actorId: number;
				detail: string;
			};
			expect({ ...revoke, detail: JSON.parse(revoke.detail) }).toEqual({
				actorId,
				detail: { role: 'trainer', organisationId: orgId, unitId: null, reason: 'left', via: 'roster-import', line: 2 }
			});

			const back = asManager(csv('TMH3,Ewa Kowalski,ewa@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,'));
			expect(back.dry.plan.planned).toMatchObject([{ kind: 'reinstate' }]);
			expect(await back.apply()).toMatchObject({ ok: true, counts: { reinstate: 1 } });
			expect(byWorkforceId('TMH3')).toMatchObject({ status: 'active' });
			expect(grantsOf(ids.ewa)).toEqual([]);
		});

		it("records an administrator's roster leaving as an administrator's", async () => {
			expect((await apply(csv('TMH3,Ewa Kowalski,ewa@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,2026-01-31'))).ok).toBe(true);
			expect(byWorkforceId('TMH3')).toMatchObject({ status: 'left', leftByAdmin: true });
			expect(asManager(csv('TMH3,Ewa Kowalski,ewa@nhs.test,Willow Ward,mental-health-nurse,2020-01-01,')).dry.plan.planned).toMatchObject([
				{ kind: 'needs-admin' }
			]);
		});
	});

	it('refuses a file it cannot read, before touching the records', async () => {
		expect(
			await applyRoster(db, testAssignmentContent(framework), {
				actorId,
				importer: ADMIN,
				organisationId: orgId,
				bytes: new TextEncoder().encode('name\nAnn\n'),
				fileName: 'x.csv',
				fingerprint: 'x'
			})
		).toMatchObject({
			ok: false,
			message: expect.stringMatching(/missing "workforce_id"/)
		});
	});
});
