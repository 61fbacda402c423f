import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db';
import { normaliseEmail } from '../auth/sign-in';
import { checkRequestThrottle, minutesUntil, recordRequest } from '../auth/request-throttle';
import { setLoginCookie } from './cookie';
import { passwordRefused, SSO_FAILURE_MESSAGES, ssoThrottled } from './login-messages';
import { providerForEmail } from './providers';
import { secretKeyFromEnv } from './secret-box';
import { startSsoSignIn } from './start';
import { invalid } from '../forms/respond';

type Event = { cookies: Cookies; url: URL; getClientAddress: () => string };

/**
 * The first step of /login: an address in a single sign-on domain goes to its provider, unless a password was
 * given and the organisation still allows passwords. `null` means "carry on with the password". The provider's
 * address comes back as data, not as a redirect: a redirect answering a form post to another site would be
 * blocked by our Content Security Policy (`form-action 'self'`), so the page goes on to it instead.
 */
export async function singleSignOnStep(db: Db, event: Event, input: { email: string; password: string; redirectTo: string }) {
	const provider = providerForEmail(db, input.email);
	if (!provider || (input.password && !provider.ssoOnly)) return null;
	const values = { email: input.email };
	if (input.password) return invalid({ password: passwordRefused(provider.organisationName) }, values);
	// Each start stores a pending sign-in and sends the browser to the provider: limited by address typed and by network.
	const address = event.getClientAddress();
	const email = normaliseEmail(input.email);
	const throttle = checkRequestThrottle(db, 'sso-start', email, address);
	if (!throttle.allowed) {
		const minutes = minutesUntil(throttle.retryAt, new Date());
		return invalid({ form: ssoThrottled(throttle.scope, minutes) }, values, undefined, { status: 429 });
	}
	recordRequest(db, 'sso-start', email, address);
	const started = await startSsoSignIn(db, {
		organisationId: provider.organisationId,
		email: input.email,
		redirectTo: input.redirectTo,
		origin: event.url.origin,
		key: secretKeyFromEnv()
	});
	if (!started.ok) {
		console.warn(`Single sign-on for ${provider.organisationName} could not start: ${started.reason}`);
		return invalid({ form: SSO_FAILURE_MESSAGES.unavailable }, values, undefined, { status: 503 });
	}
	setLoginCookie(event.cookies, started.token, started.expiresAt, event.url);
	return { sso: { url: started.url, organisation: provider.organisationName }, values };
}
