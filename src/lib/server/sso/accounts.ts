import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { people, ssoDomains, ssoLinks } from '../db/schema';

/** Who the provider says signed in, from the validated ID token (and, when it lacks an email, the userinfo answer). */
export type Identity = { issuer: string; subject: string; email: string | undefined };

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const emailLike = (v: unknown) => {
	const s = text(v);
	return s && /^[^@\s]+@[^@\s]+$/.test(s) ? s.toLowerCase() : undefined;
};

/**
 * The stable subject is Entra's `oid` (the person's object id in the tenant, the same for every app) when present,
 * otherwise the standard `sub`. The email, used only to find the person the first time, is `email`, or Entra's
 * `preferred_username` (usually the work address) when there is no `email`. An address the provider says it has not
 * verified is not used.
 */
export function identityFrom(issuer: string, claims: Record<string, unknown>, userinfo: Record<string, unknown> = {}): Identity {
	const subject = text(claims.oid) ?? text(claims.sub)!;
	const verified = (source: Record<string, unknown>) => source.email_verified !== false;
	const email =
		(verified(claims) ? emailLike(claims.email) : undefined) ??
		(verified(userinfo) ? emailLike(userinfo.email) : undefined) ??
		emailLike(claims.preferred_username) ??
		emailLike(userinfo.preferred_username);
	return { issuer, subject, email };
}

export type MatchResult = { ok: true; personId: number; linked: boolean } | { ok: false; reason: string };

/**
 * The person on the roster this identity is. Known subjects by their link; a new one by email, only when the
 * address is in one of the organisation's single sign-on domains and belongs to an active person of that
 * organisation, who is then linked. Nobody is created, and a leaver is refused whatever the provider says.
 */
export function matchPerson(db: Db, organisationId: number, identity: Identity): MatchResult {
	const link = db
		.select({ personId: ssoLinks.personId, status: people.status, organisationId: people.organisationId })
		.from(ssoLinks)
		.innerJoin(people, eq(people.id, ssoLinks.personId))
		.where(and(eq(ssoLinks.issuer, identity.issuer), eq(ssoLinks.subject, identity.subject)))
		.get();
	if (link) {
		if (link.status !== 'active') return { ok: false, reason: 'left' };
		if (link.organisationId !== organisationId) return { ok: false, reason: 'linked person is in another organisation' };
		return { ok: true, personId: link.personId, linked: false };
	}
	if (!identity.email) return { ok: false, reason: 'no usable email claim' };
	const domain = identity.email.slice(identity.email.lastIndexOf('@') + 1);
	const covered = db
		.select({ d: ssoDomains.domain })
		.from(ssoDomains)
		.where(and(eq(ssoDomains.domain, domain), eq(ssoDomains.organisationId, organisationId)))
		.get();
	if (!covered) return { ok: false, reason: 'email domain not covered by this provider' };
	const person = db
		.select({ id: people.id, status: people.status, organisationId: people.organisationId })
		.from(people)
		.where(eq(people.email, identity.email))
		.get();
	if (!person || person.organisationId !== organisationId) return { ok: false, reason: 'not on the roster' };
	if (person.status !== 'active') return { ok: false, reason: 'left' };
	const other = db
		.select({ subject: ssoLinks.subject })
		.from(ssoLinks)
		.where(and(eq(ssoLinks.personId, person.id), eq(ssoLinks.issuer, identity.issuer)))
		.get();
	if (other) return { ok: false, reason: 'person already linked to another account at this provider' };
	return { ok: true, personId: person.id, linked: true };
}

/** Records the outcome: the link (first time) and the sign-in, or the refusal, each with its audit entry, in one transaction. */
export function recordSsoSignIn(db: Db, organisationId: number, identity: Identity, match: MatchResult, now = new Date()) {
	db.transaction((tx) => {
		if (match.ok) {
			if (match.linked) {
				tx.insert(ssoLinks)
					.values({ personId: match.personId, issuer: identity.issuer, subject: identity.subject, createdAt: now })
					.onConflictDoNothing()
					.run();
				appendAudit(tx, {
					actorId: match.personId,
					action: 'sso-link',
					entity: 'person',
					entityId: match.personId,
					detail: { issuer: identity.issuer, subject: identity.subject },
					at: now
				});
			}
			appendAudit(tx, {
				actorId: match.personId,
				action: 'sign-in',
				entity: 'person',
				entityId: match.personId,
				detail: { via: 'sso', issuer: identity.issuer },
				at: now
			});
		} else {
			appendAudit(tx, {
				actorId: null,
				action: 'sign-in-failed',
				entity: 'organisation',
				entityId: organisationId,
				detail: {
					via: 'sso',
					issuer: identity.issuer,
					subject: identity.subject,
					email: identity.email ?? null,
					reason: match.reason
				},
				at: now
			});
		}
	});
}
