import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDb } from '../db';
import { testDb } from '$testing/fixtures';
import { readCheckpointFile } from './checkpoint';
import { auditKeyOf, keyring, useAuditKeyring } from './keys';
import { appendAudit, GENESIS, unkeyedHash } from './log';
import { recordKeyInUse, startAuditLog } from './startup';
import { verifyAuditChain } from './verify';

const folder = mkdtempSync(join(tmpdir(), 'audit-startup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const keyA = auditKeyOf(new Uint8Array(32).fill(1));
const keyB = auditKeyOf(new Uint8Array(32).fill(2));
const actions = (db: ReturnType<typeof testDb>) => db.$client.prepare('select action from audit_log order by id').pluck().all();

describe('starting the audit log', () => {
	it('marks where the keyed chain starts after unkeyed entries, and where each new key takes over', () => {
		const db = testDb();
		const row = { at: 1, actorId: null, action: 'old', entity: 'thing', entityId: null, detail: '{}' };
		db.$client
			.prepare('insert into audit_log (at, actor_id, action, entity, entity_id, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)')
			.run(1, null, 'old', 'thing', null, '{}', GENESIS, unkeyedHash(GENESIS, row));
		useAuditKeyring(db.$client, keyring([keyA], 'test'));
		recordKeyInUse(db);
		recordKeyInUse(db); // already in use: nothing more
		useAuditKeyring(db.$client, keyring([keyA, keyB], 'test'));
		recordKeyInUse(db);
		expect(actions(db)).toEqual(['old', 'audit-key-change', 'audit-key-change']);
		const details = db.$client.prepare("select detail from audit_log where action = 'audit-key-change' order by id").pluck().all();
		expect(details.map((d) => JSON.parse(d as string))).toEqual([
			{ key: keyA.id, seals: 'entries #1 to #1, written before the chain was keyed' },
			{ from: keyA.id, to: keyB.id }
		]);
		expect(verifyAuditChain(db)).toMatchObject({ ok: true, keyedFrom: 2, keyIds: [keyA.id, keyB.id] });
	});

	it('refuses keys that do not include the one the newest entry was signed with', () => {
		const db = testDb();
		useAuditKeyring(db.$client, keyring([keyA], 'test'));
		appendAudit(db, { actorId: null, action: 'x', entity: 'thing' });
		useAuditKeyring(db.$client, keyring([keyB], 'the new file'));
		expect(() => recordKeyInUse(db)).toThrow(
			`The newest audit entry (#1) is signed with key ${keyA.id}, which is not among the configured keys (the new file).`
		);
	});

	it('writes a signed checkpoint when the log has grown, prints it, and warns when the log falls short of the last one', () => {
		const path = join(folder, 'academy.db');
		const db = openDb(path);
		const env = { AUDIT_CHECKPOINT_FILE: join(folder, 'checkpoints.log') };
		const log = vi.spyOn(console, 'log').mockImplementation(() => {});
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const audit = startAuditLog(db, env);
			for (let i = 0; i < 5; i++) appendAudit(db, { actorId: null, action: 'x', entity: 'thing' });
			expect(audit.checkpoint(new Date(Date.UTC(2026, 0, 1))).line).toMatch(
				/^audit-checkpoint v1 at=2026-01-01T00:00:00.000Z entries=5 last=5 head=[0-9a-f]{64} key=[0-9a-f]{16} mac=[0-9a-f]{64}$/
			);
			expect(audit.checkpoint().line).toBeNull(); // nothing new
			appendAudit(db, { actorId: null, action: 'x', entity: 'thing' });
			expect(audit.checkpoint().line).toMatch(/entries=6 last=6/);
			expect(log.mock.calls.filter(([m]) => String(m).startsWith('Audit checkpoint: audit-checkpoint v1'))).toHaveLength(2);
			const read = readCheckpointFile(env.AUDIT_CHECKPOINT_FILE);
			expect(read.checkpoints.map((c) => c.lastId)).toEqual([5, 6]);
			expect(verifyAuditChain(db, { checkpoints: read })).toMatchObject({ ok: true, checkpoints: { matched: 2 } });

			db.$client.prepare('delete from audit_log where id > 3').run();
			const outcome = audit.checkpoint();
			expect(outcome.warning).toMatch(/^The audit log ends at entry #3, but the checkpoint of .* recorded entries up to #6: entries were deleted/);
			expect(error).toHaveBeenCalledWith(expect.stringMatching(/^AUDIT WARNING: /));
			expect(readFileSync(env.AUDIT_CHECKPOINT_FILE, 'utf8').trim().split('\n')).toHaveLength(3);
		} finally {
			log.mockRestore();
			error.mockRestore();
			db.$client.close();
		}
	});

	it('stops on a key file it cannot use', () => {
		const bad = join(folder, 'bad-key');
		writeFileSync(bad, 'too short');
		const previous = process.env.AUDIT_KEY_FILE;
		process.env.AUDIT_KEY_FILE = bad;
		try {
			expect(() => startAuditLog(openDb(join(folder, 'other.db')))).toThrow(/is neither hex nor base64|must be at least 32/);
		} finally {
			if (previous === undefined) delete process.env.AUDIT_KEY_FILE;
			else process.env.AUDIT_KEY_FILE = previous;
		}
	});
});
