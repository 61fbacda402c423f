// The demo's single sign-on: a real OpenID provider on this machine for the London Ambulance Service, and the
// academy set to send addresses at its domain there.
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { organisations } from '../../src/lib/server/db/schema';
import { configurationFor } from '../../src/lib/server/sso/client';
import { configureSso, providerOf, ssoSettingsOf } from '../../src/lib/server/sso/providers';
import { secretKeyFromEnv } from '../../src/lib/server/sso/secret-box';
import { CALLBACK_PATH } from '../../src/lib/server/sso/start';
import { startLocalProvider, type LocalProvider } from './oidc-provider';
import { DEMO_SSO_CLIENT, DEMO_SSO_DOMAIN, DEMO_SSO_ORGANISATION, DEMO_SSO_PASSWORD, DEMO_SSO_PEOPLE } from './sso-accounts';

export async function startDemoSingleSignOn(db: Db, options: { port: number; origin: string }): Promise<LocalProvider | null> {
	const organisation = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, DEMO_SSO_ORGANISATION)).get();
	if (!organisation) {
		console.log(`No organisation named ${DEMO_SSO_ORGANISATION}: the demo's single sign-on is not started.`);
		return null;
	}
	const existing = providerOf(db, organisation.id);
	if (existing && !existing.issuer.startsWith('http://localhost:')) {
		console.log(`${DEMO_SSO_ORGANISATION} already signs in through ${existing.issuer}: the demo's own provider is not started.`);
		return null;
	}
	const provider = await startLocalProvider({
		port: options.port,
		title: `${DEMO_SSO_ORGANISATION} (demo sign-in)`,
		accounts: DEMO_SSO_PEOPLE.map((p) => ({ id: p.id, email: p.email, name: p.name, password: DEMO_SSO_PASSWORD })),
		clients: [
			{
				...DEMO_SSO_CLIENT,
				redirectUris: [new URL(CALLBACK_PATH, options.origin).href],
				postLogoutRedirectUris: [new URL('/', options.origin).href]
			}
		]
	});
	// Set (or set again, when the port or the key changed since the database was seeded), audited as any change is.
	const key = secretKeyFromEnv();
	const current = ssoSettingsOf(db, organisation.id);
	const readable = async () =>
		configurationFor(existing!, key).then(
			() => true,
			() => false
		);
	if (!current || current.issuer !== provider.issuer || !(await readable())) {
		const saved = configureSso(
			db,
			null,
			organisation.id,
			{ issuer: provider.issuer, ...DEMO_SSO_CLIENT, domains: [DEMO_SSO_DOMAIN], ssoOnly: false },
			key,
			'demo'
		);
		if (!saved.ok) {
			console.error(`Could not set the demo's single sign-on: ${Object.values(saved.errors).join('; ')}`);
			await provider.close();
			return null;
		}
	}
	return provider;
}

export function describeDemoSingleSignOn(provider: LocalProvider) {
	console.log(`Single sign-on: ${DEMO_SSO_ORGANISATION} signs in through a local OpenID provider at ${provider.issuer}.`);
	console.log(`Enter one of these addresses on the sign-in page, leave the password empty, and sign in at the provider (password: ${DEMO_SSO_PASSWORD}):`);
	for (const p of DEMO_SSO_PEOPLE) console.log(`  ${p.email.padEnd(26)} ${p.describe}`);
	console.log('');
}
