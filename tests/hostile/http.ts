import { expect } from '@playwright/test';

/**
 * Raw HTTP for the fuzzer: fetch() against the test server, so that bodies can be anything (repeated fields,
 * broken multipart, text/plain) and four requests can be in flight at once.
 */
export type Session = { cookie: string };
export const VISITOR: Session = { cookie: '' };

export type FilePart = { filename: string; type: string; bytes: Uint8Array };
export type Body =
	| { kind: 'urlencoded'; entries: [string, string][] }
	| { kind: 'multipart'; entries: [string, string][]; files: [string, FilePart][] }
	| { kind: 'raw'; contentType: string | null; bytes: Uint8Array };

export type Reply = { status: number; location: string; text: string };

export async function send(baseURL: string, session: Session, path: string, body: Body | null, accept = 'text/html'): Promise<Reply> {
	const headers: Record<string, string> = { origin: new URL(baseURL).origin, accept };
	if (session.cookie) headers.cookie = session.cookie;
	let payload: BodyInit | undefined;
	if (body?.kind === 'urlencoded') {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		payload = new URLSearchParams(body.entries).toString();
	} else if (body?.kind === 'multipart') {
		const boundary = `----fuzz${Math.random().toString(16).slice(2)}`;
		headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
		payload = new Uint8Array(multipart(boundary, body.entries, body.files));
	} else if (body?.kind === 'raw') {
		if (body.contentType) headers['content-type'] = body.contentType;
		payload = new Uint8Array(body.bytes);
	}
	const response = await fetch(new URL(path, baseURL), { method: body ? 'POST' : 'GET', headers, body: payload, redirect: 'manual' });
	return { status: response.status, location: response.headers.get('location') ?? '', text: await response.text() };
}

/** Names are escaped as browsers do (quotes and line breaks percent-encoded), so the part headers stay one line each. */
const escapeName = (s: string) => s.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

function multipart(boundary: string, entries: [string, string][], files: [string, FilePart][]): Uint8Array {
	const encoder = new TextEncoder();
	const chunks: Uint8Array[] = [];
	for (const [name, value] of entries)
		chunks.push(encoder.encode(`--${boundary}\r\ncontent-disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`));
	for (const [name, file] of files) {
		chunks.push(
			encoder.encode(
				`--${boundary}\r\ncontent-disposition: form-data; name="${escapeName(name)}"; filename="${escapeName(file.filename)}"\r\ncontent-type: ${file.type}\r\n\r\n`
			)
		);
		chunks.push(file.bytes, encoder.encode('\r\n'));
	}
	chunks.push(encoder.encode(`--${boundary}--\r\n`));
	return Buffer.concat(chunks);
}

/** Signs in with a plain form post and keeps the session cookie. */
export async function signInAs(baseURL: string, email: string, password: string): Promise<Session> {
	const response = await fetch(new URL('/login', baseURL), {
		method: 'POST',
		headers: { origin: new URL(baseURL).origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ email, password }).toString(),
		redirect: 'manual'
	});
	expect(response.status, `sign in as ${email}`).toBe(303);
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
	expect(cookie, `a session cookie for ${email}`).toBeTruthy();
	return { cookie: cookie!.split(';')[0] };
}

/** Posts a plain form and expects the answer given, for setting things up. */
export async function post(baseURL: string, session: Session, path: string, fields: Record<string, string>, status = 303): Promise<Reply> {
	const reply = await send(baseURL, session, path, { kind: 'urlencoded', entries: Object.entries(fields) });
	expect(reply.status, `POST ${path}: ${reply.text.slice(0, 300)}`).toBe(status);
	return reply;
}
