import { z } from 'zod';

/**
 * Where the public pages (the accessibility statement, the privacy notice) tell people to write:
 * SUPPORT_EMAIL when it is set to an email address, else null and the pages name the people to ask instead.
 */
export function supportEmail(env: Record<string, string | undefined>): string | null {
	const value = env.SUPPORT_EMAIL?.trim();
	if (!value) return null;
	return z.email().safeParse(value).success ? value : null;
}
