import type { Db } from '../db';
import { parseForm } from '../forms/parse';
import { invalid } from '../forms/respond';
import { CALLBACK_PATH } from './start';
import { configureSso, removeSso, ssoSettingsOf } from './providers';
import { secretKeyFromEnv } from './secret-box';
import { ssoSettingsInput } from './settings';

/** What the organisation page shows: the settings (never the secret), why they can't be saved, and what to register. */
export function ssoAdminView(db: Db, organisationId: number, url: URL) {
	const key = secretKeyFromEnv();
	return {
		settings: ssoSettingsOf(db, organisationId),
		keyProblem: key.ok ? null : key.reason,
		redirectUri: new URL(CALLBACK_PATH, url.origin).href,
		signOutRedirectUri: new URL('/', url.origin).href
	};
}

/** The form values echoed back after a refusal: everything but the secret. */
function withoutSecret(values: Record<string, string>) {
	const { clientSecret: _secret, ...rest } = values;
	return rest;
}

export function saveSsoForm(db: Db, actorId: number, organisationId: number, form: FormData) {
	const parsed = parseForm(ssoSettingsInput, form);
	if (!parsed.ok) return invalid(parsed.errors, withoutSecret(parsed.values), 'saveSso');
	const result = configureSso(db, actorId, organisationId, parsed.data, secretKeyFromEnv(), 'admin');
	if (!result.ok) return invalid(result.errors, withoutSecret(parsed.values), 'saveSso');
	return { ssoSaved: 'Single sign-on saved.' };
}

export function removeSsoForm(db: Db, actorId: number, organisationId: number) {
	const result = removeSso(db, actorId, organisationId, 'admin');
	if (!result.ok) return invalid(result.errors, {}, 'removeSso');
	return { ssoSaved: 'Single sign-on turned off: this organisation’s people sign in with passwords.' };
}
