/**
 * The keys the audit chain is signed with (HMAC-SHA256). They live outside the database, so that someone who
 * holds only the database (a copy, a backup, write access to the file) cannot write entries that verify.
 * Several keys may be configured, oldest first: new entries use the newest, and the older ones still verify the
 * entries signed with them (key rotation, docs/audit.md).
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { decodeBase64IgnorePadding, decodeBase64urlIgnorePadding, decodeHex, encodeHexLowerCase } from '@oslojs/encoding';
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** 256 bits: as long as the HMAC's output, and what a generated key has. */
export const MIN_KEY_BYTES = 32;

export type AuditKey = { id: string; secret: Uint8Array };
/** `keys` oldest first; `current` is the last of them, the one new entries and checkpoints are signed with. */
export type AuditKeyring = { keys: AuditKey[]; current: AuditKey; source: string };

export class AuditKeyError extends Error {}

/** A key's id is a digest of the key: it names the key in each entry without revealing anything of it. */
export function auditKeyOf(secret: Uint8Array): AuditKey {
	const tagged = new Uint8Array([...new TextEncoder().encode('crisis-care-academy audit key id:'), ...secret]);
	return { id: encodeHexLowerCase(sha256(tagged)).slice(0, 16), secret };
}

export function keyring(keys: AuditKey[], source: string): AuditKeyring {
	if (!keys.length) throw new AuditKeyError(`${source} holds no audit key.`);
	return { keys, current: keys[keys.length - 1], source };
}

function decodeKey(text: string): Uint8Array | null {
	try {
		if (/^[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0) return decodeHex(text);
		return text.includes('-') || text.includes('_') ? decodeBase64urlIgnorePadding(text) : decodeBase64IgnorePadding(text);
	} catch {
		return null;
	}
}

/** Keys one a line or separated by commas or spaces, oldest first; `#` starts a comment. Hex or base64. */
export function parseAuditKeys(text: string, source: string): AuditKey[] {
	const tokens = text
		.split(/\r?\n/)
		.map((line) => line.replace(/#.*/, ''))
		.flatMap((line) => line.split(/[\s,]+/))
		.filter(Boolean);
	const keys = tokens.map((token, i) => {
		const secret = decodeKey(token);
		if (!secret) throw new AuditKeyError(`Audit key ${i + 1} in ${source} is neither hex nor base64.`);
		if (secret.length < MIN_KEY_BYTES)
			throw new AuditKeyError(`Audit key ${i + 1} in ${source} is ${secret.length} bytes: it must be at least ${MIN_KEY_BYTES} (64 hex digits).`);
		return auditKeyOf(secret);
	});
	const seen = new Set<string>();
	for (const k of keys) {
		if (seen.has(k.id)) throw new AuditKeyError(`${source} lists the same audit key twice.`);
		seen.add(k.id);
	}
	return keys;
}

/** Where a key is generated when none is configured (development and demo only). */
export const defaultKeyFile = (databasePath: string) => `${resolve(databasePath)}.audit-key`;

const isMemory = (databasePath: string) => databasePath === ':memory:' || databasePath === '';

// An in-memory database (the unit tests) lives only as long as this process: so does its key.
let memoryKey: AuditKey | undefined;

/** The keys in a file (the verifier's --key-file). */
export function auditKeysFromFile(path: string): AuditKeyring {
	return keyring(readKeyFile(path, 'the key file'), `the key file ${resolve(path)}`);
}

function readKeyFile(path: string, source: string): AuditKey[] {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (e) {
		throw new AuditKeyError(`Cannot read the audit key file ${path} (${source}): ${(e as Error).message}`);
	}
	return parseAuditKeys(text, `${source} (${path})`);
}

function generateKeyFile(path: string): void {
	const text = `# Audit key for the database beside this file, generated ${new Date().toISOString()}.\n# Keep it out of the database's backups; to rotate, add a new key as the last line (docs/audit.md).\n${randomBytes(MIN_KEY_BYTES).toString('hex')}\n`;
	try {
		writeFileSync(path, text, { flag: 'wx', mode: 0o600 });
		console.warn(
			`No AUDIT_KEY or AUDIT_KEY_FILE is set: generated a new audit key in ${path} (readable only by this user). Set AUDIT_KEY_FILE to a file kept away from the database in production; see docs/audit.md.`
		);
	} catch (e) {
		// Another server process created it first: use theirs.
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new AuditKeyError(`Cannot create the audit key file ${path}: ${(e as Error).message}`);
	}
}

/**
 * The keys for a database: AUDIT_KEY (the keys themselves) or AUDIT_KEY_FILE (a file of them), else the key file
 * beside the database. When there is none, `create` makes one, except under NODE_ENV=production, where a missing
 * key is an error: a key the server made for itself next to the database protects nothing from whoever holds that folder.
 */
export function resolveAuditKeys(env: Record<string, string | undefined>, databasePath: string, { create }: { create: boolean }): AuditKeyring {
	const inline = env.AUDIT_KEY?.trim();
	const file = env.AUDIT_KEY_FILE?.trim();
	if (inline && file) throw new AuditKeyError('Set AUDIT_KEY or AUDIT_KEY_FILE, not both.');
	if (inline) return keyring(parseAuditKeys(inline, 'AUDIT_KEY'), 'AUDIT_KEY');
	if (file) return keyring(readKeyFile(file, 'AUDIT_KEY_FILE'), `AUDIT_KEY_FILE (${resolve(file)})`);
	if (isMemory(databasePath)) {
		memoryKey ??= auditKeyOf(new Uint8Array(randomBytes(MIN_KEY_BYTES)));
		return keyring([memoryKey], 'a key held in memory for this in-memory database');
	}
	const path = defaultKeyFile(databasePath);
	if (!existsSync(path)) {
		if (!create) throw new AuditKeyError(`No audit key: set AUDIT_KEY or AUDIT_KEY_FILE, or give --key-file (the server's default, ${path}, does not exist).`);
		if (env.NODE_ENV === 'production')
			throw new AuditKeyError('NODE_ENV is production but no audit key is set: set AUDIT_KEY_FILE (or AUDIT_KEY) before starting; see docs/audit.md.');
		generateKeyFile(path);
	}
	return keyring(readKeyFile(path, 'the key file beside the database'), `the key file beside the database (${path})`);
}

const rings = new WeakMap<Database.Database, AuditKeyring>();

/**
 * The keys of a connection, resolved once from the environment and the database's path. A read-only connection
 * (the verifier, a backup check) never creates a key file.
 */
export function auditKeyringFor(client: Database.Database): AuditKeyring {
	let ring = rings.get(client);
	if (!ring) {
		ring = resolveAuditKeys(process.env, client.name, { create: !client.readonly });
		rings.set(client, ring);
	}
	return ring;
}

/** Gives a connection explicit keys (the verifier's --key-file, tests). */
export function useAuditKeyring(client: Database.Database, ring: AuditKeyring): void {
	rings.set(client, ring);
}
