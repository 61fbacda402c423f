/**
 * Signed one-click unsubscribe links (RFC 8058). The token names the person and what to stop, and carries an
 * HMAC-SHA-256 of both under the app's secret: it cannot be made without the secret, and changing the person
 * or the list breaks it. No sign-in is needed to use it, so it reveals nothing but a masked address.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const UNSUBSCRIBE_LISTS = ['digest'] as const;
export type UnsubscribeList = (typeof UNSUBSCRIBE_LISTS)[number];

const VERSION = 'u1';

function mac(secret: string, payload: string): string {
	return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function unsubscribeToken(secret: string, personId: number, list: UnsubscribeList): string {
	const payload = `${VERSION}.${list}.${personId}`;
	return `${payload}.${mac(secret, payload)}`;
}

/** The person and list a token is for, or null for anything not made by `unsubscribeToken` with this secret. */
export function readUnsubscribeToken(secret: string, token: string): { personId: number; list: UnsubscribeList } | null {
	const m = /^(u1)\.([a-z]+)\.([1-9]\d{0,14})\.([A-Za-z0-9_-]{43})$/.exec(token);
	if (!m || !(UNSUBSCRIBE_LISTS as readonly string[]).includes(m[2])) return null;
	const expected = Buffer.from(mac(secret, `${m[1]}.${m[2]}.${m[3]}`));
	const given = Buffer.from(m[4]);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
	return { personId: Number(m[3]), list: m[2] as UnsubscribeList };
}
