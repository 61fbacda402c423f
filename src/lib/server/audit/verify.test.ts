import { beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addPersonOnTheirOwn, addUnit, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { recordEvidence, voidEvidence } from '../competency/ledger';
import type { Db } from '../db';
import { parseCheckpoints, signCheckpoint } from './checkpoint';
import { auditKeyOf, keyring, useAuditKeyring, type AuditKey } from './keys';
import { appendAudit, GENESIS, keyedHash, unkeyedHash, type EntryContents } from './log';
import { verifyAuditChain } from './verify';

const keyA = auditKeyOf(new Uint8Array(32).fill(1));
const keyB = auditKeyOf(new Uint8Array(32).fill(2));
const framework = testFramework();

type Row = EntryContents & { id: number; prevHash: string; hash: string; keyId: string | null };
const rows = (db: Db) =>
	db.$client
		.prepare(
			'select id, at, actor_id as actorId, action, entity, entity_id as entityId, detail, prev_hash as prevHash, hash, key_id as keyId from audit_log order by id'
		)
		.all() as Row[];

/** What the outside tester did: change entries, then recompute every hash from there on as the old log.ts did. */
function rewriteUnkeyed(db: Db, fromId: number, { dropKeyIds }: { dropKeyIds: boolean }) {
	let prev = GENESIS;
	const update = db.$client.prepare('update audit_log set prev_hash = ?, hash = ?, key_id = ? where id = ?');
	for (const r of rows(db)) {
		if (r.id >= fromId) update.run(prev, (r.hash = unkeyedHash(prev, r)), dropKeyIds ? null : r.keyId, r.id);
		prev = r.hash;
	}
}

/** Entries as the app wrote them before the chain was keyed. */
function appendUnkeyed(db: Db, n: number) {
	const insert = db.$client.prepare('insert into audit_log (at, actor_id, action, entity, entity_id, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)');
	for (let i = 0; i < n; i++) {
		const prev = (db.$client.prepare('select hash from audit_log order by id desc limit 1').pluck().get() as string | undefined) ?? GENESIS;
		const row = { at: Date.UTC(2025, 0, i + 1), actorId: 1, action: 'old', entity: 'thing', entityId: String(i), detail: JSON.stringify({ i }) };
		insert.run(row.at, row.actorId, row.action, row.entity, row.entityId, row.detail, prev, unkeyedHash(prev, row));
	}
}

const withKeys = (db: Db, ...keys: AuditKey[]) => useAuditKeyring(db.$client, keyring(keys, 'test keys'));
const fill = (db: Db, n: number, action = 'test') => {
	for (let i = 0; i < n; i++) appendAudit(db, { actorId: 1, action, entity: 'thing', entityId: i, detail: { i }, at: new Date(Date.UTC(2026, 2, 1, 9, i)) });
};

describe('the keyed audit chain', () => {
	let db: Db;
	beforeEach(() => {
		db = testDb();
		withKeys(db, keyA);
	});

	it('verifies an untouched chain and names the first changed entry', () => {
		fill(db, 5);
		expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 5, keyedFrom: 1, keyIds: [keyA.id], evidenceRows: 0, checkpoints: null });
		db.$client.prepare(`update audit_log set detail = '{"i":99}' where id = 3`).run();
		expect(verifyAuditChain(db)).toEqual({
			ok: false,
			entries: 3,
			brokenAt: 3,
			at: new Date(Date.UTC(2026, 2, 1, 9, 2)),
			action: 'test',
			reason: 'contents do not match the stored HMAC'
		});
	});

	it('detects a change with every hash recomputed as the unkeyed chain computed them', () => {
		fill(db, 6);
		db.$client.prepare(`update audit_log set detail = '{"role":"admin"}' where id = 3`).run();
		rewriteUnkeyed(db, 3, { dropKeyIds: false });
		expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 3, reason: 'contents do not match the stored HMAC' });
	});

	it('detects a tail rewritten as unkeyed entries, and a whole log rewritten as one', () => {
		fill(db, 6);
		db.$client.prepare(`update audit_log set detail = '{"role":"admin"}' where id = 4`).run();
		rewriteUnkeyed(db, 4, { dropKeyIds: true });
		expect(verifyAuditChain(db)).toMatchObject({
			ok: false,
			brokenAt: 4,
			reason: expect.stringMatching(/^it is not keyed, but the chain is keyed from entry #1/)
		});
		rewriteUnkeyed(db, 1, { dropKeyIds: true });
		expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: null, reason: expect.stringMatching(/^none of the 6 entries is keyed/) });
		// A copy from before the chain was keyed can still be checked, on request.
		expect(verifyAuditChain(db, { allowUnkeyed: true })).toMatchObject({ ok: true, entries: 6, keyedFrom: null });
	});

	it('detects an entry removed from the middle by the gap in ids, even when the next entry is relinked', () => {
		fill(db, 5);
		const second = rows(db)[1];
		db.$client.prepare('delete from audit_log where id = 3').run();
		db.$client.prepare('update audit_log set prev_hash = ? where id = 4').run(second.hash);
		expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 4, reason: 'entry #3 before it is missing' });
	});

	it('detects entries renumbered to close a gap', () => {
		fill(db, 5);
		db.$client.prepare('delete from audit_log where id = 3').run();
		db.$client.prepare('update audit_log set id = id - 1 where id > 3').run();
		db.$client.prepare('update audit_log set prev_hash = (select hash from audit_log where id = 2) where id = 3').run();
		expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 3, reason: 'contents do not match the stored HMAC' });
	});

	it('detects the newest entries deleted, from the id counter, until it too is reset', () => {
		fill(db, 60);
		db.$client.prepare('delete from audit_log where id > 10').run();
		expect(verifyAuditChain(db)).toMatchObject({
			ok: false,
			brokenAt: null,
			reason: 'the log ends at entry #10, but SQLite gave out ids up to #60: the newest 50 entries were deleted'
		});
		db.$client.prepare("update sqlite_sequence set seq = 10 where name = 'audit_log'").run();
		// Without checkpoints kept elsewhere, this is what cannot be seen.
		expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 10 });
	});

	it('reports keyed entries it has no key for as not checkable, not as broken', () => {
		fill(db, 2);
		withKeys(db, keyB);
		expect(verifyAuditChain(db)).toMatchObject({
			ok: false,
			brokenAt: 1,
			unverifiable: true,
			reason: expect.stringContaining(`signed with key ${keyA.id}, which is not among the keys given`)
		});
	});
});

describe('entries written before the chain was keyed', () => {
	it('still verify, are sealed by the first keyed entry, and cannot follow it', () => {
		const db = testDb();
		withKeys(db, keyA);
		appendUnkeyed(db, 3);
		expect(verifyAuditChain(db, { allowUnkeyed: true })).toMatchObject({ ok: true, entries: 3, keyedFrom: null });
		fill(db, 2);
		expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5, keyedFrom: 4 });

		// Rewriting an old entry and its unkeyed successors breaks the link into the first keyed entry.
		db.$client.prepare(`update audit_log set detail = '{"i":42}' where id = 2`).run();
		rewriteUnkeyed(db, 2, { dropKeyIds: false });
		const check = verifyAuditChain(db);
		expect(check).toMatchObject({ ok: false, brokenAt: 4 });
	});
});

describe('key rotation', () => {
	it('verifies entries under each key, and refuses an entry signed with a retired key after a newer one', () => {
		const db = testDb();
		withKeys(db, keyA);
		fill(db, 2);
		withKeys(db, keyA, keyB);
		fill(db, 2);
		expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 4, keyedFrom: 1, keyIds: [keyA.id, keyB.id] });

		// Someone holding the old key (a leaked one, since replaced) forges the newest entry with it.
		const last = rows(db)[3];
		const forged = { ...last, detail: '{"forged":true}' };
		db.$client
			.prepare('update audit_log set detail = ?, hash = ?, key_id = ? where id = 4')
			.run(forged.detail, keyedHash(keyA, 4, last.prevHash, forged), keyA.id);
		expect(verifyAuditChain(db)).toMatchObject({
			ok: false,
			brokenAt: 4,
			reason: expect.stringMatching(/retired before an earlier entry was signed with a newer key/)
		});
	});
});

describe('checkpoints', () => {
	let db: Db;
	const checkpointAt = (lastId: number, key = keyA) => {
		const r = rows(db).find((x) => x.id === lastId)!;
		return signCheckpoint(key, { at: new Date(Date.UTC(2026, 2, 1, 10)), entries: lastId, lastId, head: r.hash });
	};
	beforeEach(() => {
		db = testDb();
		withKeys(db, keyA);
		fill(db, 60);
	});

	it('match an untouched log, and show the newest entries deleted even with the id counter reset', () => {
		const file = parseCheckpoints(`${checkpointAt(30)}\nsome other log line\nAudit checkpoint: ${checkpointAt(60)}\n`, 'checkpoints.log');
		expect(verifyAuditChain(db, { checkpoints: file })).toMatchObject({ ok: true, checkpoints: { matched: 2, newest: { lastId: 60 } } });
		db.$client.prepare('delete from audit_log where id > 10').run();
		db.$client.prepare("update sqlite_sequence set seq = 10 where name = 'audit_log'").run();
		expect(verifyAuditChain(db, { checkpoints: file })).toMatchObject({
			ok: false,
			reason:
				'the log ends at entry #10, but the checkpoint of 2026-03-01T10:00:00.000Z (checkpoints.log line 3) recorded 60 entries up to #60: entries were deleted from the end'
		});
	});

	it('show a log that diverges from them', () => {
		const file = parseCheckpoints(checkpointAt(30), 'cp');
		// Rewritten from entry 20 on by someone who had the key once: only the checkpoint can tell.
		let prev = rows(db)[18].hash;
		const update = db.$client.prepare('update audit_log set detail = ?, prev_hash = ?, hash = ? where id = ?');
		for (const r of rows(db).filter((x) => x.id >= 20)) {
			const detail = r.id === 20 ? '{"i":"rewritten"}' : r.detail;
			const hash = keyedHash(keyA, r.id, prev, { ...r, detail });
			update.run(detail, prev, hash, r.id);
			prev = hash;
		}
		expect(verifyAuditChain(db)).toMatchObject({ ok: true });
		expect(verifyAuditChain(db, { checkpoints: file })).toMatchObject({
			ok: false,
			brokenAt: 30,
			reason: expect.stringMatching(/differs from the checkpoint of 2026-03-01T10:00:00.000Z \(cp line 1\)/)
		});
	});

	it('refuses a checkpoint line that was altered, or that cannot be read', () => {
		const altered = checkpointAt(30).replace('entries=30', 'entries=29');
		expect(verifyAuditChain(db, { checkpoints: parseCheckpoints(altered, 'cp') })).toMatchObject({
			ok: false,
			reason: 'the checkpoint at cp line 1 does not match its signature: the checkpoints were altered'
		});
		const garbled = checkpointAt(30).replace(/head=\w+/, 'head=xyz');
		expect(verifyAuditChain(db, { checkpoints: parseCheckpoints(garbled, 'cp') })).toMatchObject({
			ok: false,
			reason: 'cp line 1 looks like a checkpoint but cannot be read: the checkpoints were altered'
		});
		expect(verifyAuditChain(db, { checkpoints: parseCheckpoints(checkpointAt(30, keyB), 'cp') })).toMatchObject({ ok: false, unverifiable: true });
	});
});

describe('the evidence ledger against the audit log', () => {
	let db: Db;
	let personId: number;
	beforeEach(() => {
		db = testDb();
		withKeys(db, keyA);
		personId = addPersonOnTheirOwn(db, { jobRole: 'mental-health-nurse' }).id;
		for (const [module, day] of [
			['restraint-safety', '2025-03-03'],
			['staff-wellbeing', '2025-04-04']
		] as const)
			recordEvidence(db, framework, {
				personId,
				source: { module },
				version: '1.0.0',
				occurredOn: day,
				recordedBy: personId,
				at: new Date(`${day}T12:00:00Z`)
			});
	});
	const evidenceCount = () => db.$client.prepare('select count(*) from evidence').pluck().get() as number;

	it('checks every row against the entry that recorded it, corrections included', () => {
		const first = db.$client.prepare('select min(id) from evidence').pluck().get() as number;
		expect(voidEvidence(db, framework, { evidenceId: first, personId, reason: 'wrong person', actorId: personId })).toEqual({ ok: true });
		expect(verifyAuditChain(db)).toMatchObject({ ok: true, evidenceRows: evidenceCount() });
	});

	it('detects a row rewritten in the evidence table (training records are in the chain now)', () => {
		db.$client.prepare("update evidence set occurred_on = '2026-01-01' where id = 2").run();
		expect(verifyAuditChain(db)).toMatchObject({
			ok: false,
			action: 'evidence-record',
			reason: 'evidence #2 is not what this entry recorded: it was changed outside the application'
		});
	});

	it('detects a row deleted', () => {
		db.$client.prepare('delete from evidence where id = 2').run();
		expect(verifyAuditChain(db)).toMatchObject({
			ok: false,
			action: 'evidence-record',
			reason: 'evidence #2, which this entry recorded, is missing from the ledger: it was deleted'
		});
	});

	it('detects a row added, among the others or after them', () => {
		const insert = db.$client.prepare(
			"insert into evidence (id, person_id, competency_id, kind, ref, occurred_on, recorded_at) values (?, ?, 'safe-restraint', 'observed', '99', '2026-01-01', 0)"
		);
		insert.run(evidenceCount() + 1, personId);
		expect(verifyAuditChain(db)).toMatchObject({
			ok: false,
			brokenAt: null,
			reason: `evidence #${evidenceCount()} has no audit entry: it was added outside the application`
		});
		db.$client.prepare('delete from evidence where id = ?').run(evidenceCount());
		db.$client.prepare('update evidence set id = id + 100 where id = 3').run();
		insert.run(3, personId);
		expect(verifyAuditChain(db)).toMatchObject({ ok: false, reason: 'evidence #3 is not what this entry recorded: it was changed outside the application' });
	});

	it('detects the newest rows deleted with their entries, from the id counters', () => {
		const lastEvidence = db.$client.prepare('select max(id) from evidence').pluck().get() as number;
		const entry = db.$client.prepare("select id from audit_log where entity = 'evidence' and entity_id = ?").pluck().get(String(lastEvidence)) as number;
		db.$client.prepare('delete from audit_log where id >= ?').run(entry);
		db.$client.prepare('delete from evidence where id = ?').run(lastEvidence);
		db.$client.prepare("update sqlite_sequence set seq = ? where name = 'audit_log'").run(entry - 1);
		expect(verifyAuditChain(db)).toMatchObject({
			ok: false,
			reason: `the evidence ledger ends at #${lastEvidence - 1}, but SQLite gave out ids up to #${lastEvidence}: the newest evidence was deleted`
		});
	});

	it('checks rows recorded before entries carried digests, from the values the entries recorded', () => {
		// Strip the digests, as entries written before this version have none, and re-sign the chain.
		const legacy = testDb();
		withKeys(legacy, keyA);
		const pid = addPerson(legacy, addUnit(legacy, addOrganisation(legacy).id), { jobRole: 'mental-health-nurse' }).id;
		recordEvidence(legacy, framework, {
			personId: pid,
			source: { module: 'staff-wellbeing' },
			version: '1.0.0',
			occurredOn: '2025-04-04',
			recordedBy: pid,
			at: new Date('2025-04-04T12:00:00Z')
		});
		const firstId = legacy.$client.prepare('select min(id) from evidence').pluck().get() as number;
		voidEvidence(legacy, framework, { evidenceId: firstId, personId: pid, reason: 'mistake', actorId: pid });
		let prev = GENESIS;
		for (const r of rows(legacy)) {
			const d = JSON.parse(r.detail) as Record<string, unknown>;
			delete d.digest;
			const detail = JSON.stringify(d);
			const hash = unkeyedHash(prev, { ...r, detail });
			legacy.$client.prepare('update audit_log set detail = ?, prev_hash = ?, hash = ?, key_id = null where id = ?').run(detail, prev, hash, r.id);
			prev = hash;
		}
		expect(verifyAuditChain(legacy, { allowUnkeyed: true })).toMatchObject({ ok: true, evidenceRows: 2 });
		legacy.$client.prepare("update evidence set reason = 'something else' where voids_id is not null").run();
		expect(verifyAuditChain(legacy, { allowUnkeyed: true })).toMatchObject({ ok: false, action: 'evidence-void' });
	});
});
