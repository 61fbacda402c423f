import type { SsoFailure } from './callback';

/**
 * What /login says after a sign-in through a provider did not complete (`/login?sso=<failure>`). None says more
 * than the provider already told the person: whether someone is on the roster is said only to someone their
 * organisation's provider has just signed in.
 */
export const SSO_FAILURE_MESSAGES: Record<SsoFailure, string> = {
	expired: 'Your single sign-on had expired or was already used, or was started in another browser. Sign in again.',
	cancelled: 'Single sign-on was cancelled or refused by your organisation’s sign-in service. Sign in again to retry.',
	'not-verified':
		'Single sign-on could not be completed: the answer from your organisation’s sign-in service could not be verified. Sign in again; if this keeps happening, tell your training administrator.',
	'no-access':
		'Your organisation’s sign-in service recognised you, but there is no active account for you here: you may not be on your organisation’s training roster yet, or may be recorded as having left. Ask your training administrator.',
	unavailable:
		'Single sign-on for your organisation is not available right now. Try again in a few minutes; if it keeps happening, tell your training administrator.'
};

export function ssoFailureMessage(code: string | null): string | undefined {
	return code && Object.hasOwn(SSO_FAILURE_MESSAGES, code) ? SSO_FAILURE_MESSAGES[code as SsoFailure] : undefined;
}

/** Said for any address in a "single sign-on only" organisation's domains, whoever it is: nothing about the roster. */
export const passwordRefused = (organisation: string) =>
	`${organisation} signs in with single sign-on only, so passwords are not used. Leave the password empty and choose Sign in to go to your organisation’s sign-in page.`;

/** Too many starts of single sign-on (src/lib/server/auth/request-throttle.ts): by the address typed, or from one network. */
export const ssoThrottled = (scope: 'email' | 'address', minutes: number) => {
	const wait = `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
	return scope === 'email'
		? `Single sign-on has been started for this address many times in the last few minutes. ${wait}`
		: `Single sign-on has been started from your network many times in the last few minutes. ${wait}`;
};
