import type { RequestEvent } from '@sveltejs/kit';
import { redirect } from '@sveltejs/kit';
import { getDb } from '../db';
import { parseForm } from '../forms/parse';
import { readForm } from '../forms/read';
import { invalid } from '../forms/respond';
import { passwordSetInput } from '../people/validation';
import { setPasswordWithLink } from './password-reset';
import type { TokenPurpose } from './tokens';

/**
 * The action behind /activate/[token] and /reset-password/[token]: check the two passwords, set the password and use
 * up the link in one transaction, then send the person to sign in (every session of theirs has just ended).
 */
export async function setPasswordAction(event: RequestEvent<{ token: string }>, purpose: TokenPurpose) {
	const parsed = parseForm(passwordSetInput, await readForm(event.request));
	if (!parsed.ok) return invalid(parsed.errors, {});
	const result = await setPasswordWithLink(getDb(), { token: event.params.token, purpose, password: parsed.data.password });
	// 409: the link cannot be used now (used, replaced by a newer one, run out, or never made).
	if (!result.ok) return invalid({ link: result.message }, {}, undefined, { status: 409 });
	redirect(303, `/login?password=${purpose === 'activation' ? 'activated' : 'reset'}`);
}
