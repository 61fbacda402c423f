import { expect, type APIRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

/** Everyone the access tests ask as: a visitor and one signed-in demo account per kind of access. */
export const CALLERS = {
	visitor: null,
	officer: 'officer@demo.test',
	recruit: 'recruit@demo.test',
	trainer: 'trainer@demo.test',
	manager: 'manager@demo.test',
	'custody-manager': 'custody-manager@demo.test',
	'nhs-manager': 'nhs-manager@demo.test',
	'mps-manager': 'mps-manager@demo.test',
	partnership: 'partnership@demo.test',
	admin: 'admin@demo.test'
} as const;
export type Caller = keyof typeof CALLERS;
export const CALLER_NAMES = Object.keys(CALLERS) as Caller[];

/** Headers a browser sends with a plain form post; without the origin SvelteKit refuses the post as cross-site. */
export const formHeaders = (baseURL: string) => ({ origin: new URL(baseURL).origin, accept: 'text/html' });

/** A request context signed in as `email` (or a visitor's, for null), keeping its session cookie. */
export async function callerContext(requests: APIRequest, baseURL: string, email: string | null, password = DEMO_PASSWORD): Promise<APIRequestContext> {
	const context = await requests.newContext({ baseURL });
	if (email) {
		const response = await context.post('/login', { form: { email, password }, headers: formHeaders(baseURL), maxRedirects: 0 });
		expect(response.status(), `sign in as ${email}`).toBe(303);
		expect(response.headers().location).toBe('/training');
	}
	return context;
}

export async function callerContexts(requests: APIRequest, baseURL: string) {
	const entries = await Promise.all(CALLER_NAMES.map(async (c) => [c, await callerContext(requests, baseURL, CALLERS[c])] as const));
	return Object.fromEntries(entries) as Record<Caller, APIRequestContext>;
}

export function postForm(context: APIRequestContext, baseURL: string, path: string, form: Record<string, string> = {}): Promise<APIResponse> {
	return context.post(path, { form, headers: formHeaders(baseURL), maxRedirects: 0 });
}
