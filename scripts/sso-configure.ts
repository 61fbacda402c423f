// `npm run sso:configure -- --organisation <id|name> --issuer <url> --client-id <id>
//      (--client-secret-file <path> | --client-secret-env <VARIABLE>) --domains a.org,b.org [--sso-only] [--no-check]`
// `npm run sso:configure -- --organisation <id|name> --remove`
// `npm run sso:configure -- --organisation <id|name> --unlink <email>` (someone whose provider account was made anew)
// Sets an organisation's single sign-on provider for scripted deployments, with the same rules and audit entry as
// the admin page (never the secret). The secret is read from a file or a named variable, never from the command
// line, where other users of the machine could read it. SSO_SECRET_KEY must be set, as for the server.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { openDb } from '../src/lib/server/db';
import { organisations } from '../src/lib/server/db/schema';
import { configurationFor, describe } from '../src/lib/server/sso/client';
import { configureSso, providerOf, removeSso, unlinkPerson } from '../src/lib/server/sso/providers';
import { secretKeyFromEnv } from '../src/lib/server/sso/secret-box';
import { ssoSettingsInput } from '../src/lib/server/sso/settings';

const usage = `Usage: npm run sso:configure -- --organisation <id|name> --issuer <url> --client-id <id> (--client-secret-file <path> | --client-secret-env <VARIABLE>) --domains <a.org,b.org> [--sso-only] [--no-check]
       npm run sso:configure -- --organisation <id|name> --remove
       npm run sso:configure -- --organisation <id|name> --unlink <email>`;

function stop(message: string, code = 2): never {
	console.error(message);
	process.exit(code);
}

let values;
try {
	({ values } = parseArgs({
		options: {
			organisation: { type: 'string' },
			issuer: { type: 'string' },
			'client-id': { type: 'string' },
			'client-secret-file': { type: 'string' },
			'client-secret-env': { type: 'string' },
			domains: { type: 'string' },
			'sso-only': { type: 'boolean', default: false },
			remove: { type: 'boolean', default: false },
			unlink: { type: 'string' },
			'no-check': { type: 'boolean', default: false }
		}
	}));
} catch (error) {
	stop(`${(error as Error).message}\n${usage}`);
}
if (!values.organisation) stop(usage);

const db = openDb(process.env.DATABASE_PATH ?? './data/academy.db');
const ref = values.organisation.trim();
const organisation = db
	.select({ id: organisations.id, name: organisations.name })
	.from(organisations)
	.where(/^\d+$/.test(ref) ? eq(organisations.id, Number(ref)) : eq(organisations.name, ref))
	.get();
if (!organisation) stop(`No organisation ${/^\d+$/.test(ref) ? 'with id' : 'named'} "${ref}".`, 1);

if (values.remove) {
	const removed = removeSso(db, null, organisation.id, 'cli');
	if (!removed.ok) stop(Object.values(removed.errors).join('\n'), 1);
	console.log(`Single sign-on turned off for ${organisation.name}: its people sign in with passwords.`);
	process.exit(0);
}

if (values.unlink !== undefined) {
	const unlinked = unlinkPerson(db, null, organisation.id, values.unlink, 'cli');
	if (!unlinked.ok) stop(Object.values(unlinked.errors).join('\n'), 1);
	console.log(`${values.unlink} is no longer linked to ${organisation.name}'s provider: their next sign-in matches them by email again.`);
	process.exit(0);
}

if (values['client-secret-file'] && values['client-secret-env']) stop('Give the client secret one way: --client-secret-file or --client-secret-env.');
let clientSecret = '';
if (values['client-secret-file']) {
	try {
		clientSecret = readFileSync(values['client-secret-file'], 'utf8').trim();
	} catch (error) {
		stop(`Cannot read the client secret file: ${(error as Error).message}`);
	}
	if (!clientSecret) stop(`${values['client-secret-file']} is empty.`);
} else if (values['client-secret-env']) {
	clientSecret = process.env[values['client-secret-env']]?.trim() ?? '';
	if (!clientSecret) stop(`The variable ${values['client-secret-env']} is not set or empty.`);
}

const parsed = ssoSettingsInput.safeParse({
	issuer: values.issuer ?? '',
	clientId: values['client-id'] ?? '',
	clientSecret,
	domains: values.domains ?? '',
	ssoOnly: values['sso-only'] ? 'on' : undefined
});
if (!parsed.success) stop(parsed.error.issues.map((i) => `--${String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`).join('\n'));

const key = secretKeyFromEnv();
const saved = configureSso(db, null, organisation.id, parsed.data, key, 'cli');
if (!saved.ok)
	stop(
		Object.entries(saved.errors)
			.map(([field, message]) => (field === 'form' ? message : `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${message}`))
			.join('\n'),
		1
	);
console.log(
	`Single sign-on saved for ${organisation.name}: ${parsed.data.domains.join(', ')} through ${parsed.data.issuer}` +
		`${parsed.data.ssoOnly ? ' (single sign-on only: passwords refused)' : ''}; client secret ${clientSecret ? 'set' : 'kept'}.`
);

if (!values['no-check']) {
	try {
		const config = await configurationFor(providerOf(db, organisation.id)!, key);
		const endSession = config.serverMetadata().end_session_endpoint
			? 'offers RP-initiated logout'
			: 'offers no end_session_endpoint, so sign-out ends the local session only';
		console.log(`Checked: the provider's discovery document was read; it ${endSession}.`);
	} catch (error) {
		console.warn(
			`Saved, but the provider could not be checked now: ${describe(error)}. Sign-ins will fail until ${parsed.data.issuer}/.well-known/openid-configuration answers.`
		);
	}
}
