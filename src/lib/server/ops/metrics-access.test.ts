import { describe, expect, it } from 'vitest';
import { metricsAccess, metricsTokenFrom } from './metrics-access';

const TOKEN = 'a1b2c3d4e5f6a7b8c9d0';

describe('metricsAccess', () => {
	it('is off without a token, whatever the request says', () => {
		expect(metricsAccess(undefined, `Bearer ${TOKEN}`)).toBe('off');
		expect(metricsAccess('', null)).toBe('off');
	});

	it('needs the exact token as a bearer token', () => {
		expect(metricsAccess(TOKEN, `Bearer ${TOKEN}`)).toBe('allowed');
		expect(metricsAccess(TOKEN, `bearer ${TOKEN}`)).toBe('allowed');
		for (const refused of [
			null,
			'',
			'Bearer',
			`Basic ${TOKEN}`,
			`Bearer ${TOKEN}x`,
			`Bearer ${TOKEN.slice(0, -1)}`,
			`Bearer ${TOKEN.toUpperCase()}`,
			TOKEN,
			`Bearer ${TOKEN} extra`
		]) {
			expect(metricsAccess(TOKEN, refused), String(refused)).toBe('refused');
		}
	});
});

describe('metricsTokenFrom', () => {
	it('accepts no token or a long one without spaces', () => {
		expect(metricsTokenFrom({})).toBeUndefined();
		expect(metricsTokenFrom({ METRICS_TOKEN: '' })).toBeUndefined();
		expect(metricsTokenFrom({ METRICS_TOKEN: TOKEN })).toBe(TOKEN);
	});

	it('refuses a short token or one with spaces, and says what it needs', () => {
		expect(() => metricsTokenFrom({ METRICS_TOKEN: 'secret' })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
		expect(() => metricsTokenFrom({ METRICS_TOKEN: 'a long token with spaces' })).toThrow(/no spaces/);
	});
});
