// Finding a port for a server started on this machine, and waiting until it answers: for the bench and the tests
// that start the built server.
import { createServer } from 'node:net';

/** A port nobody is listening on right now (on `host`, or on every address). */
export function freePort(host?: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, host, () => {
			const address = probe.address();
			probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/** Waits until `url` answers with anything but a server error, polling every 100 ms; throws after `timeoutMs`. */
export async function waitFor(url: string, timeoutMs = 60_000) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		try {
			const response = await fetch(url);
			await response.arrayBuffer();
			if (response.status < 500) return;
		} catch {
			// not listening yet
		}
		if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** Signs in with a plain form post, as a browser without JavaScript would, and gives the `session=…` cookie to send. */
export async function signInCookie(origin: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password })
	});
	await response.arrayBuffer();
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
	if (response.status !== 303 || !cookie) throw new Error(`Signing in as ${email} failed (${response.status})`);
	return cookie.split(';')[0];
}
