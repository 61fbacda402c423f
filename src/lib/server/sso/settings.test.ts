import { describe, expect, it } from 'vitest';
import { ssoSettingsInput } from './settings';

const base = {
	issuer: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0',
	clientId: 'abc-123',
	clientSecret: ' s3cret ',
	domains: 'LondonAmbulance.nhs.uk, @lond-amb.nhs.uk\nlondonambulance.nhs.uk'
};
const errors = (over: Record<string, string>) => {
	const r = ssoSettingsInput.safeParse({ ...base, ...over });
	return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('single sign-on settings form', () => {
	it('takes an Entra tenant issuer, trims the secret and reads domains in any form', () => {
		const r = ssoSettingsInput.parse({ ...base, ssoOnly: 'on' });
		expect(r).toEqual({
			issuer: base.issuer,
			clientId: 'abc-123',
			clientSecret: 's3cret',
			domains: ['londonambulance.nhs.uk', 'lond-amb.nhs.uk'],
			ssoOnly: true
		});
		expect(ssoSettingsInput.parse({ ...base, clientSecret: undefined }).clientSecret, 'empty keeps the stored one').toBe('');
		expect(ssoSettingsInput.parse(base).ssoOnly).toBe(false);
	});

	it('allows plain http only for a provider on this machine', () => {
		expect(errors({ issuer: 'http://localhost:3001' })).toEqual({});
		expect(errors({ issuer: 'http://127.0.0.1:9000' })).toEqual({});
		expect(errors({ issuer: 'http://idp.example.org' }).issuer).toMatch(/https/);
		expect(errors({ issuer: 'javascript:alert(1)' }).issuer).toMatch(/https/);
		expect(errors({ issuer: 'not a url' }).issuer).toMatch(/web address/);
		expect(errors({ issuer: 'https://idp.example.org/?x=1' }).issuer).toMatch(/query/);
		expect(errors({ issuer: 'https://user:pw@idp.example.org' }).issuer).toMatch(/user name/);
		expect(errors({ issuer: '' }).issuer).toMatch(/Enter the issuer/);
	});

	it('refuses wildcards, addresses, control characters and too many domains', () => {
		expect(errors({ domains: '*.nhs.uk' }).domains).toMatch(/not an email domain/);
		expect(errors({ domains: 'nhs' }).domains).toMatch(/not an email domain/);
		expect(errors({ domains: '10.0.0.1' }).domains).toMatch(/not an email domain/);
		expect(errors({ domains: ' , ' }).domains).toMatch(/at least one/);
		expect(errors({ domains: Array.from({ length: 21 }, (_, i) => `d${i}.org`).join(',') }).domains).toMatch(/20 email domains or fewer/);
		expect(errors({ clientId: 'has space' }).clientId).toMatch(/spaces/);
		expect(errors({ clientSecret: 'a\u0000b' }).clientSecret).toMatch(/control/);
	});
});
