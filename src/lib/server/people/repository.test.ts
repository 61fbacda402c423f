import { beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { auditLog, people, sessions } from '../db/schema';
import '../mail/catalogue';
import { createSession, generateSessionToken } from '../auth/session';
import { parseForm } from '../forms/parse';
import { testDb, twoOrganisations } from '$testing/fixtures';
import { createPerson, getPerson, grantRole, listGrants, markLeft, reinstate, revokeGrant, searchPeople, updatePerson } from './repository';
import { grant as grantDirectly } from '$testing/fixtures';
import { validateSessionToken } from '../auth/session';
import { grantInput, personInput } from './validation';
import type { Db } from '../db';
import { testAssignmentContent, testFramework } from '$testing/framework';
import { competencyStatus } from '../db/schema';

const framework = testFramework();

const form = (values: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(values)) f.append(k, v);
	return f;
};
const rows = (db: Db) => db.select({ n: count() }).from(people).get()!.n;

describe('people administration', () => {
	let db: Db;
	let w: ReturnType<typeof twoOrganisations>;
	const actor = 1;
	beforeEach(() => {
		db = testDb();
		w = twoOrganisations(db);
	});
	const valid = () => ({
		name: 'Jo Bloggs',
		email: 'Jo.Bloggs@Example.test',
		organisationId: String(w.orgA.id),
		unitId: String(w.a1.id),
		jobRole: 'custody-officer',
		workforceId: 'MPS 123',
		startDate: '2024-02-29'
	});

	it('creates a person from a valid form, with an audit entry', () => {
		const parsed = parseForm(personInput, form(valid()));
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const result = createPerson(db, framework, actor, parsed.data);
		expect(result.ok).toBe(true);
		if (result.ok) expect(getPerson(db, result.id)).toMatchObject({ email: 'jo.bloggs@example.test', jobRole: 'custody-officer' });
		// counted at once by the dashboards as needing every competency of the role
		expect(
			db
				.select()
				.from(competencyStatus)
				.all()
				.map((r) => r.competencyId)
		).toContain('vulnerable-detainees');
		expect(db.select({ n: count() }).from(auditLog).get()!.n).toBe(1);
	});

	it('explains each bad field and changes nothing', () => {
		const before = rows(db);
		const parsed = parseForm(
			personInput,
			form({ ...valid(), name: '', email: 'not-an-email', jobRole: 'wizard', startDate: '2023-02-30', unitId: 'abc', workforceId: 'x'.repeat(41) })
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors).toMatchObject({
			name: 'Enter the full name',
			email: expect.stringMatching(/right format/),
			jobRole: 'Choose a job role',
			startDate: expect.stringMatching(/real date/),
			unitId: 'Choose a unit',
			workforceId: expect.stringMatching(/40 characters or fewer/)
		});
		expect(rows(db)).toBe(before);
	});

	it('refuses a unit from another organisation and a duplicate email', () => {
		const parsed = parseForm(personInput, form({ ...valid(), unitId: String(w.b1.id), email: w.inA1.email }));
		if (!parsed.ok) throw new Error('expected valid shape');
		const result = createPerson(db, framework, actor, parsed.data);
		expect(result).toEqual({ ok: false, errors: { unitId: expect.any(String), email: 'Someone else already has this email address' } });
	});

	it('edits a person and records what changed', () => {
		const parsed = parseForm(personInput, form({ ...valid(), email: w.inA1.email, workforceId: w.inA1.workforceId, name: 'New Name' }));
		if (!parsed.ok) throw new Error('expected valid');
		expect(updatePerson(db, framework, actor, w.inA1.id, parsed.data).ok).toBe(true);
		expect(getPerson(db, w.inA1.id)!.name).toBe('New Name');
	});

	it('marks a person as left, keeps the record and ends their sessions', () => {
		createSession(db, generateSessionToken(), w.inA1.id);
		expect(markLeft(db, actor, w.inA1.id, '2019-01-01')).toMatchObject({
			ok: false,
			errors: { leftDate: expect.stringMatching(/on or after the start date/) }
		});
		expect(markLeft(db, actor, w.inA1.id, '2026-01-31').ok).toBe(true);
		expect(getPerson(db, w.inA1.id)).toMatchObject({ status: 'left', leftDate: '2026-01-31' });
		expect(db.select().from(sessions).all()).toHaveLength(0);
		expect(markLeft(db, actor, w.inA1.id, '2026-02-01').ok).toBe(false);
	});

	it('ends the access roles of someone marked as left, each with an audit entry, and they do not come back on reinstatement', () => {
		grantDirectly(db, w.inA1.id, 'partnership-lead');
		grantDirectly(db, w.inA1.id, 'manager', { organisationId: w.orgA.id });
		const revokes = () =>
			db.$client.prepare("select actor_id as actorId, entity_id as entityId, detail from audit_log where action = 'role-revoke' order by id").all() as {
				actorId: number;
				entityId: string;
				detail: string;
			}[];
		expect(markLeft(db, actor, w.inA1.id, '2026-01-31').ok).toBe(true);
		expect(listGrants(db, w.inA1.id)).toEqual([]);
		expect(revokes().map((r) => [r.actorId, r.entityId, JSON.parse(r.detail)])).toEqual([
			[actor, String(w.inA1.id), { role: 'partnership-lead', organisationId: null, unitId: null, reason: 'left' }],
			[actor, String(w.inA1.id), { role: 'manager', organisationId: w.orgA.id, unitId: null, reason: 'left' }]
		]);
		expect(grantRole(db, actor, w.inA1.id, { role: 'trainer', organisationId: w.orgA.id, unitId: null })).toMatchObject({
			ok: false,
			errors: { role: expect.stringMatching(/reinstate them before/) }
		});
		expect(reinstate(db, testAssignmentContent(framework), actor, w.inA1.id).ok).toBe(true);
		const token = generateSessionToken();
		createSession(db, token, w.inA1.id);
		expect(validateSessionToken(db, token).user).toMatchObject({ id: w.inA1.id, grants: [] });
	});

	it('ends on reinstatement any role kept by someone who left before leaving ended roles', () => {
		grantDirectly(db, w.inA1.id, 'partnership-lead');
		db.$client.prepare("update people set status = 'left', left_date = '2025-01-01' where id = ?").run(w.inA1.id);
		expect(reinstate(db, testAssignmentContent(framework), actor, w.inA1.id).ok).toBe(true);
		expect(listGrants(db, w.inA1.id)).toEqual([]);
		expect(db.$client.prepare("select detail from audit_log where action = 'role-revoke'").pluck().all()).toEqual([
			JSON.stringify({ role: 'partnership-lead', organisationId: null, unitId: null, reason: 'reinstated after leaving' })
		]);
	});

	it('records that an administrator marked someone as left, until they are reinstated', () => {
		const leftByAdmin = () => db.$client.prepare('select left_by_admin from people where id = ?').pluck().get(w.inA1.id);
		expect(leftByAdmin()).toBe(0);
		markLeft(db, actor, w.inA1.id, '2026-01-31');
		expect(leftByAdmin()).toBe(1);
		reinstate(db, testAssignmentContent(framework), actor, w.inA1.id);
		expect(leftByAdmin()).toBe(0);
	});

	it('grants and revokes scoped roles, refusing an unscoped manager', () => {
		const bad = parseForm(grantInput, form({ role: 'manager', scope: '' }));
		expect(bad).toMatchObject({ ok: false, errors: { scope: expect.stringMatching(/unit or organisation/) } });
		const good = parseForm(grantInput, form({ role: 'manager', scope: `unit:${w.a1.id}` }));
		if (!good.ok) throw new Error('expected valid');
		const granted = grantRole(db, actor, w.inA1.id, good.data);
		expect(granted.ok).toBe(true);
		expect(grantRole(db, actor, w.inA1.id, good.data).ok).toBe(false);
		expect(listGrants(db, w.inA1.id)).toMatchObject([{ role: 'manager', unitId: w.a1.id }]);
		if (granted.ok) expect(revokeGrant(db, actor, w.inA1.id, granted.id).ok).toBe(true);
		expect(listGrants(db, w.inA1.id)).toHaveLength(0);
	});

	it('refuses a scope that is not one from the list, rather than storing a reference to nothing', () => {
		for (const scope of ['org:0', 'unit:0', 'org:', 'org:007', 'everything', `org:${w.orgA.id} `]) {
			for (const role of ['admin', 'partnership-lead', 'manager', 'trainer']) {
				expect(parseForm(grantInput, form({ role, scope })), `${role} ${scope}`).toMatchObject({ ok: false, errors: { scope: expect.any(String) } });
			}
		}
		expect(grantRole(db, actor, w.inA1.id, { role: 'manager', organisationId: 999_999, unitId: null })).toMatchObject({
			ok: false,
			errors: { scope: expect.any(String) }
		});
	});

	it('searches only inside the scope it is given', () => {
		const unitScope = { kind: 'scoped' as const, organisationIds: [], unitIds: [w.a1.id] };
		expect(
			searchPeople(db, unitScope, {})
				.rows.map((r) => r.id)
				.sort()
		).toEqual([w.inA1.id, w.otherInA1.id].sort());
		const orgScope = { kind: 'scoped' as const, organisationIds: [w.orgA.id], unitIds: [] };
		expect(searchPeople(db, orgScope, {}).total).toBe(3);
		expect(searchPeople(db, { kind: 'all' }, { q: w.inB1.email }).rows).toHaveLength(1);
		expect(searchPeople(db, { kind: 'all' }, { q: '%' }).total).toBe(0);
	});
});
