import { describe, expect, it } from 'vitest';
import { openSecret, parseSecretKey, sealSecret } from './secret-box';

const hex = '0123456789abcdef'.repeat(4);

describe('client secrets at rest', () => {
	it('reads a 32-byte key as hex or base64, and says what is wrong otherwise', () => {
		expect(parseSecretKey(hex)).toMatchObject({ ok: true });
		expect(parseSecretKey(Buffer.alloc(32, 7).toString('base64'))).toMatchObject({ ok: true });
		expect(parseSecretKey(Buffer.alloc(32, 7).toString('base64url'))).toMatchObject({ ok: true });
		expect(parseSecretKey(undefined)).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/SSO_SECRET_KEY is not set/)
		});
		expect(parseSecretKey('')).toMatchObject({ ok: false });
		expect(parseSecretKey('too-short')).toMatchObject({ ok: false, reason: expect.stringMatching(/32 bytes/) });
		expect(parseSecretKey(hex.slice(2))).toMatchObject({ ok: false });
		expect(parseSecretKey(Buffer.alloc(16).toString('base64'))).toMatchObject({ ok: false });
	});

	it('seals with AES-256-GCM: the stored text holds no trace of the secret, and opens only with the same key and organisation', () => {
		const key = (parseSecretKey(hex) as { key: Buffer }).key;
		const other = (parseSecretKey('f'.repeat(64)) as { key: Buffer }).key;
		const sealed = sealSecret(key, 7, 'client-secret-value');
		expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
		expect(sealed).not.toContain('client-secret');
		expect(sealSecret(key, 7, 'client-secret-value'), 'a fresh IV each time').not.toBe(sealed);
		expect(openSecret(key, 7, sealed)).toBe('client-secret-value');
		expect(openSecret(other, 7, sealed), 'another key').toBeNull();
		expect(openSecret(key, 8, sealed), 'moved to another organisation').toBeNull();
		const [v, iv, ct, tag] = sealed.split('.');
		const flipped = Buffer.from(ct, 'base64url');
		flipped[0] ^= 1;
		expect(openSecret(key, 7, [v, iv, flipped.toString('base64url'), tag].join('.')), 'altered').toBeNull();
		expect(openSecret(key, 7, 'not sealed')).toBeNull();
	});
});
