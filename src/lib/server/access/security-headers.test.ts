import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
	it('asks browsers for https only when the site is served over https', () => {
		expect(securityHeaders(new URL('https://academy.example.org/training'), false)['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
		expect(securityHeaders(new URL('http://localhost:3000/training'), false)['Strict-Transport-Security']).toBeUndefined();
	});

	it('keeps signed-in pages out of shared caches', () => {
		expect(securityHeaders(new URL('http://localhost/'), true)['Cache-Control']).toBe('private, no-store');
		expect(securityHeaders(new URL('http://localhost/'), false)['Cache-Control']).toBeUndefined();
	});

	it("keeps a signed-in response's own private Cache-Control, and nothing a shared cache could keep", () => {
		const url = new URL('http://localhost/insights/scenarios/x/map.svg');
		expect(securityHeaders(url, true, 'private, no-cache')['Cache-Control']).toBe('private, no-cache');
		expect(securityHeaders(url, true, 'private, no-store')['Cache-Control']).toBe('private, no-store');
		expect(securityHeaders(url, true, 'public, max-age=3600')['Cache-Control']).toBe('private, no-store');
		expect(securityHeaders(url, true, 'private, s-maxage=60')['Cache-Control']).toBe('private, no-store');
		expect(securityHeaders(url, true, 'max-age=3600')['Cache-Control']).toBe('private, no-store');
		expect(securityHeaders(url, true, 'no-private')['Cache-Control']).toBe('private, no-store');
		expect(securityHeaders(url, true, null)['Cache-Control']).toBe('private, no-store');
	});
});
