/**
 * The key that signs unsubscribe links: APP_SECRET when set (at least 32 characters), otherwise one made at random
 * the first time it is needed and kept in the database (table app_secrets), so that links in mail already sent keep
 * working after a restart, in every server process, and after a restore from backup.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db';

const NAME = 'signing-key';

export function appSecret(db: Db, env: Record<string, string | undefined> = process.env): string {
	const configured = env.APP_SECRET?.trim();
	if (configured) {
		if (configured.length < 32) throw new Error('APP_SECRET must be at least 32 characters long (for example the output of `openssl rand -base64 48`).');
		return configured;
	}
	const c = db.$client;
	const read = () => c.prepare('select value from app_secrets where name = ?').pluck().get(NAME) as string | undefined;
	const existing = read();
	if (existing) return existing;
	// Two processes starting together may both make one: the first insert wins and both read it back.
	c.prepare('insert into app_secrets (name, value) values (?, ?) on conflict (name) do nothing').run(NAME, randomBytes(32).toString('base64url'));
	return read()!;
}
