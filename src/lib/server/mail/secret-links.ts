/**
 * Values that are secrets: single-use links that set a password (src/lib/server/auth/tokens.ts stores only their
 * hash). The outbox must hold a message's values until it is sent, but not after: once the relay has it (or it has
 * failed for good), each such link is replaced by the address of the page that sends a new one, so that a copy of the
 * database, the outbox page or the person's notifications never show a link that still works.
 */
export const SECRET_LINKS = ['activateUrl', 'resetUrl'] as const;

/** Where a removed link points instead: "Forgotten your password?" on the same site, which sends a new one. */
export const REMOVED_LINK_PATH = '/forgot-password';

/** The values with every secret link replaced, or null when there is none (nothing to rewrite). */
export function withoutSecretLinks(data: Record<string, unknown>): Record<string, unknown> | null {
	const secrets = SECRET_LINKS.filter((name) => typeof data[name] === 'string');
	if (!secrets.length) return null;
	const out = { ...data };
	for (const name of secrets) {
		let origin = '';
		try {
			origin = new URL(data[name] as string).origin;
		} catch {
			// not a URL: nothing to keep of it
		}
		out[name] = `${origin}${REMOVED_LINK_PATH}`;
	}
	return out;
}
