import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect-target';

const origin = new URL('http://localhost:3000');

describe('safeRedirectTarget', () => {
	it.each([
		['/modules/01-why-this-training', '/modules/01-why-this-training'],
		['/manage?unit=3#expiring', '/manage?unit=3#expiring'],
		['/%2F%2Fevil.test', '/%2F%2Fevil.test']
	])('keeps a path on this site: %s', (target, expected) => {
		expect(safeRedirectTarget(target, origin)).toBe(expected);
	});

	it.each([
		['a tab after the slash', '/\t/evil.test'],
		['a tab inside', '/\t\t/evil.test'],
		['CR/LF', '/\r\n/x'],
		['a new line', '/\nSet-Cookie: x=1'],
		['a NUL', '/\u0000/evil.test'],
		['protocol-relative', '//evil.test'],
		['backslash', '/\\evil.test'],
		['backslash later', '/x/..\\\\evil.test'],
		['dot segments to //', '/.//evil.test'],
		['javascript:', 'javascript:alert(1)'],
		['an absolute URL', 'https://evil.test/'],
		['an absolute URL on our host', 'http://localhost:3000/training'],
		['empty', ''],
		['relative without slash', 'evil.test'],
		['DEL', '/\u007f/evil.test']
	])('refuses %s', (_name, target) => {
		expect(safeRedirectTarget(target, origin)).toBe('/training');
	});

	it('refuses nothing given', () => {
		expect(safeRedirectTarget(undefined, origin)).toBe('/training');
		expect(safeRedirectTarget(null, origin)).toBe('/training');
	});
});
