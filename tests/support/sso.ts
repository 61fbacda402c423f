import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { parseSecretKey } from '../../src/lib/server/sso/secret-box';

export { startLocalProvider, type LocalAccount, type LocalProvider } from '../../scripts/demo/oidc-provider';

/** A key for sealing client secrets in tests. */
export const TEST_SECRET_KEY = parseSecretKey('a'.repeat(64));

/**
 * Plays a browser at the local provider: follows its redirects with a cookie jar, fills in its sign-in form, and
 * stops at the redirect back to the app, which it returns (not followed).
 */
export async function signInAtProvider(authorizationUrl: string, login: { email: string; password: string } | 'cancel'): Promise<URL> {
	const jar = new Map<string, string>();
	const appOrigin = new URL(new URL(authorizationUrl).searchParams.get('redirect_uri')!).origin;
	const request = async (url: URL, body?: Record<string, string>) => {
		const response = await fetch(url, {
			method: body ? 'POST' : 'GET',
			redirect: 'manual',
			headers: {
				cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
				...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
			},
			body: body ? new URLSearchParams(body).toString() : undefined
		});
		for (const c of response.headers.getSetCookie()) {
			const [pair] = c.split(';');
			const at = pair.indexOf('=');
			jar.set(pair.slice(0, at), pair.slice(at + 1));
		}
		return response;
	};
	let url = new URL(authorizationUrl);
	let body: Record<string, string> | undefined;
	for (let hop = 0; hop < 12; hop++) {
		const response = await request(url, body);
		body = undefined;
		const location = response.headers.get('location');
		if (location) {
			url = new URL(location, url);
			if (url.origin === appOrigin) return url;
			continue;
		}
		const html = await response.text();
		const form = /<form method="post" action="(\/interaction\/[^"]+)"/.exec(html);
		if (!form || response.status !== 200) throw new Error(`the provider answered ${response.status}: ${html.slice(0, 300)}`);
		url = new URL(login === 'cancel' ? `${form[1]}/abort` : form[1], url);
		body = login === 'cancel' ? {} : { login: login.email, password: login.password };
	}
	throw new Error('too many redirects at the provider');
}

/** What the crafted provider puts in (or does to) the next ID token. */
export type TokenCraft = {
	signWith?: 'published' | 'other';
	expiresIn?: number;
	nonce?: string;
	issuer?: string;
	audience?: string;
	claims?: Record<string, unknown>;
};

/**
 * A second, minimal provider for the token-level cases a conforming provider never produces: real discovery, JWKS
 * and token endpoints (client secret and PKCE verifier checked), with ID tokens signed by jose as each test asks,
 * for openid-client to validate as it would any provider's.
 */
export async function startCraftedProvider(client: { clientId: string; clientSecret: string }) {
	const published = await generateKeyPair('RS256', { extractable: true });
	const other = await generateKeyPair('RS256', { extractable: true });
	const kid = randomBytes(6).toString('hex');
	const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string; craft: TokenCraft; sub: string }>();
	let issuer = '';

	const readBody = async (req: IncomingMessage) => {
		let text = '';
		for await (const chunk of req) text += chunk;
		return new URLSearchParams(text);
	};
	const json = (status: number, body: unknown) => ({ status, body: JSON.stringify(body) });
	const sign = (key: CryptoKey, payload: Record<string, unknown>, expiresIn: number) =>
		new SignJWT(payload)
			.setProtectedHeader({ alg: 'RS256', kid })
			.setIssuedAt(Math.floor(Date.now() / 1000) + (expiresIn > 0 ? 0 : expiresIn - 3600))
			.setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn)
			.sign(key);

	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', issuer);
		let answer: { status: number; body: string };
		if (url.pathname === '/.well-known/openid-configuration') {
			answer = json(200, {
				issuer,
				authorization_endpoint: `${issuer}/authorize`,
				token_endpoint: `${issuer}/token`,
				jwks_uri: `${issuer}/jwks`,
				response_types_supported: ['code'],
				subject_types_supported: ['public'],
				id_token_signing_alg_values_supported: ['RS256'],
				token_endpoint_auth_methods_supported: ['client_secret_post'],
				code_challenge_methods_supported: ['S256']
			});
		} else if (url.pathname === '/jwks') {
			answer = json(200, { keys: [{ ...(await exportJWK(published.publicKey)), kid, alg: 'RS256', use: 'sig' }] });
		} else if (url.pathname === '/token' && req.method === 'POST') {
			const form = await readBody(req);
			const grant = codes.get(form.get('code') ?? '');
			codes.delete(form.get('code') ?? '');
			const verifier = form.get('code_verifier') ?? '';
			if (form.get('client_id') !== client.clientId || form.get('client_secret') !== client.clientSecret) answer = json(401, { error: 'invalid_client' });
			else if (!grant || grant.redirectUri !== form.get('redirect_uri') || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge)
				answer = json(400, { error: 'invalid_grant' });
			else {
				const c = grant.craft;
				const payload = {
					iss: c.issuer ?? issuer,
					aud: c.audience ?? client.clientId,
					sub: grant.sub,
					nonce: c.nonce ?? grant.nonce,
					...c.claims
				};
				const idToken = await sign(c.signWith === 'other' ? other.privateKey : published.privateKey, payload, c.expiresIn ?? 300);
				answer = json(200, {
					access_token: randomBytes(16).toString('hex'),
					token_type: 'Bearer',
					expires_in: 300,
					id_token: idToken
				});
			}
		} else answer = json(404, { error: 'not_found' });
		res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(answer.body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		get issuer() {
			return issuer;
		},
		/** "Signs the person in": a code for this authorization request, and the callback URL the browser would be sent to. */
		authorize(authorizationUrl: string, sub: string, craft: TokenCraft = {}): URL {
			const params = new URL(authorizationUrl).searchParams;
			if (params.get('code_challenge_method') !== 'S256') throw new Error('PKCE S256 expected');
			const code = randomBytes(16).toString('hex');
			codes.set(code, {
				challenge: params.get('code_challenge')!,
				nonce: params.get('nonce')!,
				redirectUri: params.get('redirect_uri')!,
				craft,
				sub
			});
			const callback = new URL(params.get('redirect_uri')!);
			callback.searchParams.set('code', code);
			callback.searchParams.set('state', params.get('state')!);
			return callback;
		},
		close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())))
	};
}
