import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Client secrets of the organisations' OpenID providers, encrypted at rest with AES-256-GCM under a key from the
 * environment (SSO_SECRET_KEY), so that a copy of the database or a backup alone does not give them away.
 * Each ciphertext is bound to its organisation (additional authenticated data), so it cannot be moved to another.
 */
export const SECRET_KEY_VARIABLE = 'SSO_SECRET_KEY';

export type SecretKey = { ok: true; key: Buffer } | { ok: false; reason: string };

const VERSION = 'v1';

/** 32 bytes, written as 64 hex characters or as base64 (44 characters with padding, or base64url). */
export function parseSecretKey(raw: string | undefined): SecretKey {
	if (raw === undefined || raw.trim() === '') {
		return {
			ok: false,
			reason: `${SECRET_KEY_VARIABLE} is not set on this server, so client secrets cannot be stored. Set it to 32 random bytes (for example the output of \`openssl rand -hex 32\`) and restart.`
		};
	}
	const text = raw.trim();
	let key: Buffer | undefined;
	if (/^[0-9a-fA-F]{64}$/.test(text)) key = Buffer.from(text, 'hex');
	else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
	if (!key || key.length !== 32) {
		return {
			ok: false,
			reason: `${SECRET_KEY_VARIABLE} must be 32 bytes written as 64 hex characters or in base64 (\`openssl rand -hex 32\` makes one); the value set is not.`
		};
	}
	return { ok: true, key };
}

export function secretKeyFromEnv(env: Record<string, string | undefined> = process.env): SecretKey {
	return parseSecretKey(env[SECRET_KEY_VARIABLE]);
}

const aad = (organisationId: number) => Buffer.from(`sso-client-secret:${organisationId}`);

export function sealSecret(key: Buffer, organisationId: number, secret: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(aad(organisationId));
	const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
	return [VERSION, iv, ciphertext, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The secret, or null when the key is not the one it was sealed with, or the stored value was altered. */
export function openSecret(key: Buffer, organisationId: number, sealed: string): string | null {
	const parts = sealed.split('.');
	if (parts.length !== 4 || parts[0] !== VERSION) return null;
	const [iv, ciphertext, tag] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
	if (iv.length !== 12 || tag.length !== 16) return null;
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, iv);
		decipher.setAAD(aad(organisationId));
		decipher.setAuthTag(tag);
		return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
	} catch {
		return null;
	}
}
