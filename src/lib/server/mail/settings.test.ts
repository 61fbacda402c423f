import { describe, expect, it } from 'vitest';
import { addressOf, describeRelay, mailSettings } from './settings';
import { classifyFailure } from './delivery-errors';
import { nextAttempt } from './retry';

describe('mail settings', () => {
	it('without SMTP_URL: mail is kept queued, with a reason to show, and nothing fails', () => {
		const s = mailSettings({});
		expect(s).toMatchObject({
			smtpUrl: null,
			ratePerMinute: 600,
			retentionDays: 180,
			origin: 'http://localhost:3000',
			from: 'Crisis Care Academy <no-reply@localhost>',
			domain: 'localhost'
		});
		expect(s.problem).toMatch(/SMTP_URL is not set/);
		expect(mailSettings({ SMTP_URL: 'http://relay.example.org' })).toMatchObject({ smtpUrl: null, problem: expect.stringMatching(/not an smtp/) });
	});

	it('reads the relay, sender, rate, retention and origin', () => {
		const s = mailSettings({
			SMTP_URL: 'smtp://u:p@relay.example.org:587',
			MAIL_FROM: 'Academy <academy@trust.nhs.example>',
			MAIL_RATE_PER_MINUTE: '60',
			MAIL_RETENTION_DAYS: '30',
			ORIGIN: 'https://academy.example.org/'
		});
		expect(s).toMatchObject({
			smtpUrl: 'smtp://u:p@relay.example.org:587',
			problem: null,
			domain: 'trust.nhs.example',
			ratePerMinute: 60,
			retentionDays: 30,
			origin: 'https://academy.example.org'
		});
		expect(describeRelay(s.smtpUrl!)).toBe('smtp://u:****@relay.example.org:587');
	});

	it('refuses numbers and addresses that make no sense', () => {
		expect(() => mailSettings({ MAIL_RATE_PER_MINUTE: '0' })).toThrow(/MAIL_RATE_PER_MINUTE/);
		expect(() => mailSettings({ MAIL_RATE_PER_MINUTE: 'lots' })).toThrow(/MAIL_RATE_PER_MINUTE/);
		expect(() => mailSettings({ MAIL_RETENTION_DAYS: '-1' })).toThrow(/MAIL_RETENTION_DAYS/);
		expect(() => mailSettings({ MAIL_FROM: 'Academy' })).toThrow(/MAIL_FROM/);
		expect(addressOf('a@b.example')).toBe('a@b.example');
		expect(addressOf('"Name" <a@b.example>')).toBe('a@b.example');
	});
});

describe('delivery failures', () => {
	const smtpError = (responseCode: number | undefined, code: string, response?: string) => Object.assign(new Error('failed'), { responseCode, code, response });
	it('5xx is permanent; 4xx, network and configuration failures are retried', () => {
		expect(classifyFailure(smtpError(550, 'EENVELOPE', '550 5.1.1 No such user'))).toEqual({ permanent: true, reply: '550 5.1.1 No such user' });
		expect(classifyFailure(smtpError(554, 'EMESSAGE', '554 Rejected'))).toMatchObject({ permanent: true });
		expect(classifyFailure(smtpError(451, 'EMESSAGE', '451 Try later'))).toMatchObject({ permanent: false });
		expect(classifyFailure(smtpError(undefined, 'ECONNECTION'))).toEqual({ permanent: false, reply: 'ECONNECTION: failed' });
		expect(classifyFailure(smtpError(undefined, 'ETIMEDOUT'))).toMatchObject({ permanent: false });
		expect(classifyFailure(smtpError(535, 'EAUTH', '535 Authentication failed'))).toMatchObject({ permanent: false });
	});

	it('backs off between tries, then stops', () => {
		const now = new Date(0);
		expect(nextAttempt(1, now)!.getTime()).toBe(60_000);
		expect(nextAttempt(2, now)!.getTime()).toBe(5 * 60_000);
		expect(nextAttempt(7, now)!.getTime()).toBe(12 * 60 * 60_000);
		expect(nextAttempt(8, now)).toBeNull();
	});
});
