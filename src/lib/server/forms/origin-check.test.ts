import { describe, expect, it } from 'vitest';
import { checkOrigin } from './origin-check';

const ORIGIN = 'https://academy.example.org';

async function answer(path: string, init: RequestInit & { headers?: Record<string, string> }) {
	const url = new URL(path, ORIGIN);
	const request = new Request(url, init);
	let passed = false;
	const response = await checkOrigin({
		event: { request, url } as never,
		resolve: async () => ((passed = true), new Response('ok'))
	});
	return { status: response.status, passed };
}
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the cross-site form check', () => {
	it('refuses a form post from another origin, or with none, as SvelteKit does', async () => {
		expect(await answer('/login', { method: 'POST', headers: { ...form, origin: 'https://evil.example' }, body: 'a=1' })).toEqual({
			status: 403,
			passed: false
		});
		expect(await answer('/account?/email', { method: 'POST', headers: form, body: 'digest=off' })).toEqual({ status: 403, passed: false });
		expect(await answer('/login', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', origin: 'null' }, body: '--x--' })).toEqual({
			status: 403,
			passed: false
		});
		expect(await answer('/login', { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }, body: 'a' })).toEqual({
			status: 403,
			passed: false
		});
	});

	it('lets same-origin posts, other content types and reads through', async () => {
		expect((await answer('/login', { method: 'POST', headers: { ...form, origin: ORIGIN }, body: 'a=1' })).passed).toBe(true);
		expect(
			(await answer('/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{}' })).passed
		).toBe(true);
		expect((await answer('/login', { method: 'GET' })).passed).toBe(true);
	});

	it('lets the one-click unsubscribe post through from anywhere (RFC 8058), and nothing else under /unsubscribe', async () => {
		expect((await answer('/unsubscribe/u1.digest.5.abc', { method: 'POST', headers: form, body: 'List-Unsubscribe=One-Click' })).passed).toBe(true);
		expect(
			(
				await answer('/unsubscribe/u1.digest.5.abc', {
					method: 'POST',
					headers: { ...form, origin: 'https://mail.example' },
					body: 'List-Unsubscribe=One-Click'
				})
			).passed
		).toBe(true);
		expect((await answer('/unsubscribe/u1.digest.5.abc/more', { method: 'POST', headers: form, body: 'x=1' })).status).toBe(403);
		expect((await answer('/unsubscribe', { method: 'POST', headers: form, body: 'x=1' })).status).toBe(403);
		expect((await answer('/unsubscribe/u1.digest.5.abc', { method: 'PUT', headers: form, body: 'x=1' })).status).toBe(403);
	});
});
