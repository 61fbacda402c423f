import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { freePort, signInCookie, waitFor } from './local-server';

describe('a server started on this machine', () => {
	it('gets a port nobody listens on, and is waited for until it answers', async () => {
		const port = await freePort('127.0.0.1');
		expect(port).toBeGreaterThan(0);
		const server = createServer((_, res) => res.end('up'));
		const waiting = waitFor(`http://127.0.0.1:${port}/`, 10_000);
		server.listen(port, '127.0.0.1');
		await expect(waiting).resolves.toBeUndefined();
		await new Promise((r) => server.close(r));
	});

	it('says which address never answered', async () => {
		const port = await freePort('127.0.0.1');
		await expect(waitFor(`http://127.0.0.1:${port}/`, 200)).rejects.toThrow(`http://127.0.0.1:${port}/ did not answer within 0.2 s`);
	});

	it('keeps waiting through server errors', async () => {
		const port = await freePort('127.0.0.1');
		const server = createServer((_, res) => res.writeHead(503).end()).listen(port, '127.0.0.1');
		await expect(waitFor(`http://127.0.0.1:${port}/`, 300)).rejects.toThrow('did not answer');
		await new Promise((r) => server.close(r));
	});

	it('signs in with a form post from the same origin and gives the session cookie, or says who could not sign in', async () => {
		const posts: { origin?: string; body: string }[] = [];
		const server = createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				posts.push({ origin: req.headers.origin, body });
				if (body.includes('password=right')) res.writeHead(303, { location: '/training', 'set-cookie': 'session=abc123; Path=/; HttpOnly' }).end();
				else res.writeHead(400).end('refused');
			});
		});
		const port = await freePort('127.0.0.1');
		await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
		const origin = `http://127.0.0.1:${port}`;
		try {
			expect(await signInCookie(origin, 'a@example.test', 'right')).toBe('session=abc123');
			await expect(signInCookie(origin, 'a@example.test', 'wrong')).rejects.toThrow('Signing in as a@example.test failed (400)');
			expect(posts[0]).toEqual({ origin, body: 'email=a%40example.test&password=right' });
		} finally {
			await new Promise((r) => server.close(r));
		}
	});
});
