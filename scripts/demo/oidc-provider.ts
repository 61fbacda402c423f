// A real OpenID provider on this machine (the `oidc-provider` package: discovery, authorization with PKCE, token,
// JWKS, userinfo and end-session endpoints, RSA keys made at start), for the demo and for the single sign-on tests.
// Development only: it keeps everything in memory and serves plain http on localhost.
import { generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export type LocalAccount = {
	id: string;
	email: string;
	name: string;
	password: string;
	/** Entra's object id, sent as `oid` when the provider is set to. */ oid?: string;
};
export type LocalClient = {
	clientId: string;
	clientSecret: string;
	redirectUris: string[];
	postLogoutRedirectUris: string[];
};
export type LocalProviderOptions = {
	/** 0 (the default) picks a free port. */
	port?: number;
	/** Shown on its pages, e.g. "London Ambulance Service (demo sign-in)". */
	title?: string;
	accounts: LocalAccount[];
	clients: LocalClient[];
	/** true (the library's default): the ID token carries only `sub`, the rest comes from userinfo. false puts the scopes' claims in the ID token, as Entra does. */
	conformIdTokenClaims?: boolean;
	/** Also send `oid`, as Entra does. */
	entraClaims?: boolean;
};
export type LocalProvider = { issuer: string; port: number; provider: Provider; close: () => Promise<void> };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string) {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}label{display:block;font-weight:600;margin-top:1rem}
input{font:inherit;width:100%;padding:.4rem;border:2px solid #1b1b1b;box-sizing:border-box}button{font:inherit;margin-top:1.2rem;padding:.5rem 1rem;background:#005a30;color:#fff;border:0}
button.secondary{background:#fff;color:#1b1b1b;border:2px solid #1b1b1b}:focus-visible{outline:3px solid #fd0;outline-offset:0}.error{color:#a4251b;font-weight:600}</style></head>
<body><main>${body}</main></body></html>`;
}

function equalText(a: string, b: string) {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

async function readBody(req: IncomingMessage): Promise<URLSearchParams> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > 10_000) break;
		chunks.push(chunk as Buffer);
	}
	return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startLocalProvider(options: LocalProviderOptions): Promise<LocalProvider> {
	const title = options.title ?? 'Local OpenID provider';
	const accounts = new Map(options.accounts.map((a) => [a.id, a]));
	const byEmail = new Map(options.accounts.map((a) => [a.email.toLowerCase(), a]));

	// The port is known before the provider is made: its issuer, in every token, names it.
	let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
	const servers: Server[] = [createServer((req, res) => handler(req, res))];
	await new Promise<void>((resolve, reject) => servers[0].once('error', reject).listen(options.port ?? 0, '127.0.0.1', resolve));
	const port = (servers[0].address() as AddressInfo).port;
	// Also on ::1, where "localhost" may resolve first; not every machine has IPv6.
	const v6 = createServer((req, res) => handler(req, res));
	await new Promise<void>((resolve) => v6.once('error', () => resolve()).listen(port, '::1', () => (servers.push(v6), resolve())));
	const issuer = `http://localhost:${port}`;

	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const jwk = {
		...privateKey.export({ format: 'jwk' }),
		kid: randomBytes(8).toString('hex'),
		alg: 'RS256',
		use: 'sig'
	};

	const configuration: Configuration = {
		clients: options.clients.map((c) => ({
			client_id: c.clientId,
			client_secret: c.clientSecret,
			redirect_uris: c.redirectUris,
			post_logout_redirect_uris: c.postLogoutRedirectUris,
			response_types: ['code'],
			grant_types: ['authorization_code'],
			token_endpoint_auth_method: 'client_secret_post'
		})),
		jwks: { keys: [jwk as never] },
		cookies: { keys: [randomBytes(32).toString('hex')] },
		claims: {
			openid: ['sub'],
			email: ['email', 'email_verified'],
			profile: ['name', 'preferred_username', ...(options.entraClaims ? ['oid'] : [])]
		},
		conformIdTokenClaims: options.conformIdTokenClaims ?? true,
		pkce: { required: () => true },
		features: {
			devInteractions: { enabled: false },
			rpInitiatedLogout: {
				enabled: true,
				logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
					ctx.body = page(
						`Sign out – ${title}`,
						`<h1>Sign out of ${escape(title)}?</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
<button type="submit" form="op.logoutForm" class="secondary">No, stay signed in</button>`
					);
				},
				postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
					ctx.body = page(`Signed out – ${title}`, `<h1>You have signed out of ${escape(title)}</h1>`);
				}
			}
		},
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		// First-party: the academy is the only client, so no consent screen; the grant is made as the person signs in.
		loadExistingGrant: async (ctx) => {
			const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
			if (grantId) return ctx.oidc.provider.Grant.find(grantId);
			const grant = new ctx.oidc.provider.Grant({
				clientId: ctx.oidc.client!.clientId,
				accountId: ctx.oidc.session!.accountId
			});
			grant.addOIDCScope('openid email profile');
			await grant.save();
			return grant;
		},
		findAccount: async (_ctx, id) => {
			const account = accounts.get(id);
			if (!account) return undefined;
			return {
				accountId: id,
				claims: async () => ({
					sub: id,
					email: account.email,
					email_verified: true,
					name: account.name,
					preferred_username: account.email,
					...(account.oid ? { oid: account.oid } : {})
				})
			};
		},
		renderError: async (ctx, out) => {
			ctx.type = 'html';
			ctx.body = page(
				`Error – ${title}`,
				`<h1>Something went wrong</h1>${Object.entries(out)
					.map(([k, v]) => `<p><strong>${escape(k)}</strong>: ${escape(String(v))}</p>`)
					.join('')}`
			);
		}
	};
	const provider = new Provider(issuer, configuration);
	const oidcCallback = provider.callback();

	const loginForm = (uid: string, email = '', error = '') =>
		page(
			`Sign in – ${title}`,
			`<h1>${escape(title)}</h1><p>Sign in with your work account.</p>${error ? `<p class="error" role="alert" id="login-error">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}" novalidate>
<label for="login">Work email address</label><input id="login" name="login" type="email" autocomplete="username" value="${escape(email)}"${error ? ' aria-describedby="login-error"' : ''}>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">Sign in</button></form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit" class="secondary">Cancel</button></form>`
		);

	handler = async (req, res) => {
		const url = new URL(req.url ?? '/', issuer);
		const m = /^\/interaction\/([\w-]+)(\/abort)?$/.exec(url.pathname);
		if (!m) return oidcCallback(req, res);
		try {
			const details = await provider.interactionDetails(req, res);
			if (req.method === 'GET') {
				res
					.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
					.end(loginForm(details.uid, String(details.params.login_hint ?? '')));
				return;
			}
			if (m[2]) {
				await provider.interactionFinished(
					req,
					res,
					{ error: 'access_denied', error_description: 'The person cancelled sign-in' },
					{ mergeWithLastSubmission: false }
				);
				return;
			}
			const body = await readBody(req);
			const email = (body.get('login') ?? '').trim().toLowerCase();
			const account = byEmail.get(email);
			if (!account || !equalText(account.password, body.get('password') ?? '')) {
				res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end(loginForm(details.uid, email, 'The email address or password is not right.'));
				return;
			}
			await provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
		} catch (error) {
			res
				.writeHead(400, { 'content-type': 'text/html; charset=utf-8' })
				.end(page(`Error – ${title}`, `<h1>This sign-in has expired</h1><p>${escape((error as Error).message)}</p>`));
		}
	};

	return {
		issuer,
		port,
		provider,
		close: async () => {
			await Promise.all(servers.map((s) => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())))));
		}
	};
}
