import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditKeyError, auditKeyOf, defaultKeyFile, parseAuditKeys, resolveAuditKeys } from './keys';

const folder = mkdtempSync(join(tmpdir(), 'audit-keys-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const hex = (byte: number) => Buffer.alloc(32, byte).toString('hex');

describe('audit keys', () => {
	it('reads hex and base64 keys, oldest first, with comments, and names each by a digest', () => {
		const keys = parseAuditKeys(`# retired 2026-01\n${hex(1)}\n\n${Buffer.alloc(32, 2).toString('base64')}  # current\n`, 'test');
		expect(keys.map((k) => k.id)).toEqual([auditKeyOf(new Uint8Array(32).fill(1)).id, auditKeyOf(new Uint8Array(32).fill(2)).id]);
		expect(keys[0].id).toMatch(/^[0-9a-f]{16}$/);
		expect(keys[0].id).not.toBe(hex(1).slice(0, 16));
		expect(parseAuditKeys(`${hex(1)},${hex(2)}`, 'AUDIT_KEY')).toHaveLength(2);
	});

	it('refuses short, malformed and repeated keys with a message', () => {
		expect(() => parseAuditKeys('abcd', 'AUDIT_KEY')).toThrow('Audit key 1 in AUDIT_KEY is 2 bytes: it must be at least 32 (64 hex digits).');
		expect(() => parseAuditKeys('not a key!', 'AUDIT_KEY')).toThrow(AuditKeyError);
		expect(() => parseAuditKeys(`${hex(1)}\n${hex(1)}`, 'f')).toThrow('f lists the same audit key twice.');
	});

	it('takes AUDIT_KEY or AUDIT_KEY_FILE, not both; the last key is the current one', () => {
		const file = join(folder, 'keys');
		writeFileSync(file, `${hex(3)}\n${hex(4)}\n`);
		const ring = resolveAuditKeys({ AUDIT_KEY_FILE: file }, join(folder, 'x.db'), { create: true });
		expect(ring.current.id).toBe(auditKeyOf(new Uint8Array(32).fill(4)).id);
		expect(ring.keys).toHaveLength(2);
		expect(resolveAuditKeys({ AUDIT_KEY: hex(5) }, join(folder, 'x.db'), { create: true }).source).toBe('AUDIT_KEY');
		expect(() => resolveAuditKeys({ AUDIT_KEY: hex(5), AUDIT_KEY_FILE: file }, join(folder, 'x.db'), { create: true })).toThrow(
			'Set AUDIT_KEY or AUDIT_KEY_FILE, not both.'
		);
		expect(existsSync(defaultKeyFile(join(folder, 'x.db')))).toBe(false);
	});

	it('generates a key file beside the database, readable only by its owner, and uses it afterwards', () => {
		const db = join(folder, 'dev.db');
		expect(() => resolveAuditKeys({}, db, { create: false })).toThrow(/No audit key/);
		const first = resolveAuditKeys({}, db, { create: true });
		const path = defaultKeyFile(db);
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(readFileSync(path, 'utf8')).toMatch(/^# Audit key/);
		expect(resolveAuditKeys({}, db, { create: false }).current.id).toBe(first.current.id);
	});

	it('never generates one under NODE_ENV=production', () => {
		const db = join(folder, 'prod.db');
		expect(() => resolveAuditKeys({ NODE_ENV: 'production' }, db, { create: true })).toThrow(/NODE_ENV is production but no audit key is set/);
		expect(existsSync(defaultKeyFile(db))).toBe(false);
	});
});
