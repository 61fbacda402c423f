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
});
