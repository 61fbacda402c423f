import { describe, expect, it } from 'vitest';
import { addPersonOnTheirOwn, testDb } from '$testing/fixtures';
import { verifyAuditChain } from '../audit/verify';
import { changeOwnPassword } from './change-password';
import { hashPassword } from './password';
import { createSession, generateSessionToken, signOut, validateSessionToken } from './session';

const actions = (db: ReturnType<typeof testDb>) =>
	db.$client.prepare('select action, actor_id as actorId, entity_id as entityId, detail from audit_log order by id').all() as {
		action: string;
		actorId: number;
		entityId: string;
		detail: string;
	}[];

describe('security events in the audit chain', () => {
	it('records a sign-out, once, with who signed out, and ends the session', () => {
		const db = testDb();
		const person = addPersonOnTheirOwn(db);
		const token = generateSessionToken();
		const session = createSession(db, token, person.id);
		signOut(db, session.id, person.id);
		signOut(db, session.id, person.id); // a second post with the same cookie ends nothing and records nothing
		expect(validateSessionToken(db, token).user).toBeNull();
		expect(actions(db).filter((a) => a.action === 'sign-out')).toMatchObject([{ actorId: person.id, entityId: String(person.id) }]);
		expect(verifyAuditChain(db).ok).toBe(true);
	});

	it('records each failed change of password: a wrong current password, and one refused by the throttle', async () => {
		const db = testDb();
		const person = addPersonOnTheirOwn(db, { passwordHash: await hashPassword('first password 1') });
		const session = createSession(db, generateSessionToken(), person.id);
		const now = new Date('2026-05-01T10:00:00Z');
		const change = (current: string) =>
			changeOwnPassword(db, { personId: person.id, sessionId: session.id, current, next: 'second password 2', address: '10.1.1.1', now });
		for (let i = 0; i < 5; i++) expect((await change('wrong')).ok).toBe(false);
		expect((await change('first password 1')).ok).toBe(false); // throttled
		const failed = actions(db).filter((a) => a.action === 'password-change-failed');
		expect(failed.map((f) => JSON.parse(f.detail).reason)).toEqual([...Array(5).fill('wrong-current'), 'throttled']);
		expect(failed.every((f) => f.actorId === person.id)).toBe(true);
		expect(verifyAuditChain(db).ok).toBe(true);
	});
});
