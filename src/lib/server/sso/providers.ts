import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { organisations, people, ssoDomains, ssoLinks, ssoProviders, type SsoProvider } from '../db/schema';
import { sealSecret, type SecretKey } from './secret-box';
import type { SsoSettingsInput } from './settings';

export type WriteResult = { ok: true } | { ok: false; errors: Record<string, string> };
/** Who made a change, for the audit log: the admin page, `npm run sso:configure`, or the demo set-up. */
export type ChangedVia = 'admin' | 'cli' | 'demo';

/** What an administrator sees: never the secret, only that one is set. */
export type SsoSettingsView = {
	issuer: string;
	clientId: string;
	secretSet: true;
	domains: string[];
	ssoOnly: boolean;
	updatedAt: Date;
};

export function providerOf(db: Db, organisationId: number): SsoProvider | undefined {
	return db.select().from(ssoProviders).where(eq(ssoProviders.organisationId, organisationId)).get();
}

function domainsOf(db: Pick<Db, 'select'>, organisationId: number): string[] {
	return db
		.select({ d: ssoDomains.domain })
		.from(ssoDomains)
		.where(eq(ssoDomains.organisationId, organisationId))
		.orderBy(asc(ssoDomains.domain))
		.all()
		.map((r) => r.d);
}

export function ssoSettingsOf(db: Db, organisationId: number): SsoSettingsView | null {
	const p = providerOf(db, organisationId);
	if (!p) return null;
	return {
		issuer: p.issuer,
		clientId: p.clientId,
		secretSet: true,
		domains: domainsOf(db, organisationId),
		ssoOnly: p.ssoOnly,
		updatedAt: p.updatedAt
	};
}

export type EmailProvider = { organisationId: number; organisationName: string; ssoOnly: boolean };

/** The provider that covers an email address's domain, if any: one indexed lookup. */
export function providerForEmail(db: Pick<Db, 'select'>, email: string): EmailProvider | undefined {
	const at = email.lastIndexOf('@');
	if (at < 0) return undefined;
	return db
		.select({
			organisationId: ssoProviders.organisationId,
			organisationName: organisations.name,
			ssoOnly: ssoProviders.ssoOnly
		})
		.from(ssoDomains)
		.innerJoin(ssoProviders, eq(ssoProviders.organisationId, ssoDomains.organisationId))
		.innerJoin(organisations, eq(organisations.id, ssoProviders.organisationId))
		.where(
			eq(
				ssoDomains.domain,
				email
					.slice(at + 1)
					.trim()
					.toLowerCase()
			)
		)
		.get();
}

/** Whether the organisation's people must sign in through its provider (no passwords). */
export function isSsoOnly(db: Pick<Db, 'select'>, organisationId: number): boolean {
	const row = db.select({ ssoOnly: ssoProviders.ssoOnly }).from(ssoProviders).where(eq(ssoProviders.organisationId, organisationId)).get();
	return row?.ssoOnly ?? false;
}

/** Links of the organisation's people to a provider they no longer sign in through. */
function removeLinks(tx: Pick<Db, 'delete' | 'select'>, organisationId: number, issuer: string): number {
	const ofOrganisation = tx.select({ id: people.id }).from(people).where(eq(people.organisationId, organisationId));
	return tx
		.delete(ssoLinks)
		.where(and(eq(ssoLinks.issuer, issuer), inArray(ssoLinks.personId, ofOrganisation)))
		.run().changes;
}

/**
 * Sets an organisation's provider, its domains and whether passwords are refused, in one transaction with its audit
 * entry (which never holds the secret). An empty secret keeps the stored one. Changing the issuer removes the
 * people's links to the old one: the new provider's subject ids are different, so they are matched by email again.
 */
export function configureSso(
	db: Db,
	actorId: number | null,
	organisationId: number,
	input: SsoSettingsInput,
	key: SecretKey,
	via: ChangedVia,
	now = new Date()
): WriteResult {
	if (!key.ok) return { ok: false, errors: { form: key.reason } };
	const organisation = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).get();
	if (!organisation) return { ok: false, errors: { form: 'This organisation no longer exists' } };
	const before = providerOf(db, organisationId);
	if (!before && !input.clientSecret) return { ok: false, errors: { clientSecret: 'Enter the client secret' } };
	const taken = db
		.select({ domain: ssoDomains.domain, name: organisations.name })
		.from(ssoDomains)
		.innerJoin(organisations, eq(organisations.id, ssoDomains.organisationId))
		.where(and(inArray(ssoDomains.domain, input.domains), ne(ssoDomains.organisationId, organisationId)))
		.get();
	if (taken) return { ok: false, errors: { domains: `${taken.domain} already signs in through the provider of ${taken.name}` } };

	const row = {
		issuer: input.issuer,
		clientId: input.clientId,
		clientSecret: input.clientSecret ? sealSecret(key.key, organisationId, input.clientSecret) : before!.clientSecret,
		ssoOnly: input.ssoOnly,
		updatedAt: now
	};
	db.transaction((tx) => {
		const previousDomains = domainsOf(tx, organisationId);
		tx.insert(ssoProviders)
			.values({ organisationId, ...row })
			.onConflictDoUpdate({ target: ssoProviders.organisationId, set: row })
			.run();
		tx.delete(ssoDomains).where(eq(ssoDomains.organisationId, organisationId)).run();
		tx.insert(ssoDomains)
			.values(input.domains.map((domain) => ({ domain, organisationId })))
			.run();
		const linksRemoved = before && before.issuer !== input.issuer ? removeLinks(tx, organisationId, before.issuer) : 0;
		appendAudit(tx, {
			actorId,
			action: 'sso-configure',
			entity: 'organisation',
			entityId: organisationId,
			detail: {
				before: before ? { issuer: before.issuer, clientId: before.clientId, domains: previousDomains, ssoOnly: before.ssoOnly } : null,
				after: { issuer: input.issuer, clientId: input.clientId, domains: input.domains, ssoOnly: input.ssoOnly },
				secretReplaced: Boolean(input.clientSecret),
				linksRemoved,
				via
			},
			at: now
		});
	});
	return { ok: true };
}

/** Turns single sign-on off for an organisation: its people sign in with passwords again. */
export function removeSso(db: Db, actorId: number | null, organisationId: number, via: ChangedVia, now = new Date()): WriteResult {
	const before = providerOf(db, organisationId);
	if (!before) return { ok: false, errors: { form: 'This organisation does not use single sign-on' } };
	db.transaction((tx) => {
		const domains = domainsOf(tx, organisationId);
		tx.delete(ssoDomains).where(eq(ssoDomains.organisationId, organisationId)).run();
		tx.delete(ssoProviders).where(eq(ssoProviders.organisationId, organisationId)).run();
		const linksRemoved = removeLinks(tx, organisationId, before.issuer);
		appendAudit(tx, {
			actorId,
			action: 'sso-remove',
			entity: 'organisation',
			entityId: organisationId,
			detail: {
				before: { issuer: before.issuer, clientId: before.clientId, domains, ssoOnly: before.ssoOnly },
				linksRemoved,
				via
			},
			at: now
		});
	});
	return { ok: true };
}

/**
 * Forgets a person's link to the organisation's provider, so that their next sign-in matches them by email again:
 * for someone whose account at the provider was deleted and made anew (a new subject id), whom the old link refuses.
 */
export function unlinkPerson(db: Db, actorId: number | null, organisationId: number, email: string, via: ChangedVia, now = new Date()): WriteResult {
	const provider = providerOf(db, organisationId);
	if (!provider) return { ok: false, errors: { form: 'This organisation does not use single sign-on' } };
	const person = db
		.select({ id: people.id })
		.from(people)
		.where(and(eq(people.email, email.trim().toLowerCase()), eq(people.organisationId, organisationId)))
		.get();
	if (!person) return { ok: false, errors: { email: `No one in this organisation has the address ${email}` } };
	const link = db
		.select({ subject: ssoLinks.subject })
		.from(ssoLinks)
		.where(and(eq(ssoLinks.personId, person.id), eq(ssoLinks.issuer, provider.issuer)))
		.get();
	if (!link) return { ok: false, errors: { email: `${email} has not signed in through ${provider.issuer} yet` } };
	db.transaction((tx) => {
		tx.delete(ssoLinks)
			.where(and(eq(ssoLinks.personId, person.id), eq(ssoLinks.issuer, provider.issuer)))
			.run();
		appendAudit(tx, {
			actorId,
			action: 'sso-unlink',
			entity: 'person',
			entityId: person.id,
			detail: { issuer: provider.issuer, subject: link.subject, via },
			at: now
		});
	});
	return { ok: true };
}
