/**
 * One-click unsubscribe (RFC 8058) from a signed link: no sign-in, because the link in the email is the authority.
 * An unknown, altered or forged token is simply not found.
 */
import type { Db } from '../db';
import { appSecret } from './app-secret';
import { digestFrequency, setDigestFrequency } from './preferences';
import { readUnsubscribeToken } from './unsubscribe-token';

/** "m•••@demo.test": enough for the person to recognise, nothing for anyone else who has the link. */
export function maskAddress(email: string): string {
	const [local, domain] = email.split('@');
	return `${local.slice(0, 1)}•••@${domain}`;
}

/** Who and what a token unsubscribes, or null when it is not a token this server made for someone on record. */
export function unsubscribeTarget(db: Db, token: string) {
	const read = readUnsubscribeToken(appSecret(db), token);
	if (!read) return null;
	const person = db.$client.prepare('select email from people where id = ?').get(read.personId) as { email: string } | undefined;
	if (!person) return null;
	return { personId: read.personId, list: read.list, address: maskAddress(person.email), digest: digestFrequency(db, read.personId) };
}

/** Stops the digest; the same link used again changes nothing. */
export function unsubscribe(db: Db, token: string): boolean {
	const target = unsubscribeTarget(db, token);
	if (!target) return false;
	setDigestFrequency(db, { personId: target.personId, digest: 'off', via: 'unsubscribe-link' });
	return true;
}
