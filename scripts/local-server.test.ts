import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { freePort, waitFor } from './local-server';

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
});
