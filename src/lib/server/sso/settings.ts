import { z } from 'zod';
import { requiredText } from '../forms/fields';

/** Hosts where an http issuer is allowed: a provider on this machine (the demo, the tests). Anywhere else needs https. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHttp(url: URL): boolean {
	return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
}

const issuer = requiredText('the issuer', 500).superRefine((value, ctx) => {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		ctx.addIssue({
			code: 'custom',
			message: 'Enter the issuer as a web address, like https://login.microsoftonline.com/<tenant id>/v2.0'
		});
		return;
	}
	if (url.protocol !== 'https:' && !isLoopbackHttp(url)) ctx.addIssue({ code: 'custom', message: 'The issuer must start with https://' });
	else if (url.search || url.hash || value.includes('?') || value.includes('#'))
		ctx.addIssue({ code: 'custom', message: 'The issuer must not have a query (?) or fragment (#)' });
	else if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'The issuer must not contain a user name or password' });
});

const clientId = requiredText('the client id', 200).refine((v) => !/\s/.test(v), 'The client id must not contain spaces');

/** A domain name of two or more labels, lower-cased: no wildcards, no addresses, no ports. */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
export const MAX_DOMAINS = 20;

/** "a.org, b.org" or one a line, any capitals, an optional leading "@"; duplicates dropped. */
const domains = z
	.string({ error: 'Enter the email domains' })
	.max(5000, 'Enter fewer email domains')
	.transform((v, ctx) => {
		const list = [
			...new Set(
				v
					.split(/[\s,;]+/)
					.map((d) => d.trim().toLowerCase().replace(/^@/, ''))
					.filter(Boolean)
			)
		];
		if (list.length === 0) ctx.addIssue({ code: 'custom', message: 'Enter at least one email domain, like londonambulance.nhs.uk' });
		else if (list.length > MAX_DOMAINS) ctx.addIssue({ code: 'custom', message: `Enter ${MAX_DOMAINS} email domains or fewer` });
		else {
			const bad = list.find((d) => !DOMAIN.test(d));
			if (bad !== undefined)
				ctx.addIssue({
					code: 'custom',
					message: `"${bad.slice(0, 80)}" is not an email domain: enter domains like londonambulance.nhs.uk, without wildcards`
				});
		}
		return list;
	});

/** Empty keeps the stored secret (the form never shows it); otherwise it replaces it. */
const clientSecret = z
	.string()
	.max(500, 'The client secret must be 500 characters or fewer')
	.optional()
	.transform((v) => (v ?? '').trim())
	.refine((v) => !/[\u0000-\u001F\u007F-\u009F]/.test(v), 'The client secret must not contain control characters');

export const ssoSettingsInput = z.object({
	issuer,
	clientId,
	clientSecret,
	domains,
	ssoOnly: z
		.string()
		.optional()
		.transform((v) => v === 'on' || v === 'true')
});
export type SsoSettingsInput = z.infer<typeof ssoSettingsInput>;
