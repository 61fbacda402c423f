import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

export type Encoding = 'br' | 'gzip';

/**
 * Levels chosen by measurement (docs/benchmarks.md, "Compression"): on the module page and the dashboards, brotli
 * quality 5 sends about as few bytes as gzip's best for a fraction of the CPU; above 5 each step costs several times
 * more CPU for a percent or two. gzip 6 (zlib's default) for the few clients without brotli.
 */
export const BROTLI_QUALITY = 5;
export const GZIP_LEVEL = 6;

/** Below this a response is sent as it is: compressing costs more than the bytes saved. */
export const MIN_COMPRESS_BYTES = 1024;

const COMPRESSIBLE = /^(text\/html|application\/json|text\/csv|text\/plain|text\/calendar|image\/svg\+xml)\b/i;

/** The encoding to send for an Accept-Encoding header: brotli, else gzip, neither when refused by q=0 or absent. */
export function negotiateEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [rawName, ...params] = part.toLowerCase().split(';');
		const name = rawName.trim();
		if (!name) continue;
		const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
		weights.set(name, q ? Number(q[1]) : 1);
	}
	const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
	const best = (['br', 'gzip'] as const).filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a));
	return best[0] ?? null;
}

/** Whether a response is worth compressing: a text body, not already encoded, not tiny, not a HEAD or an empty status. */
export function shouldCompress(method: string, response: Response): boolean {
	if (method === 'HEAD' || !response.body || response.status === 204 || response.status === 304) return false;
	if (response.headers.has('content-encoding')) return false;
	// Cache-Control: no-transform asks intermediaries (and so us) to leave the bytes as they are.
	if (/\bno-transform\b/i.test(response.headers.get('cache-control') ?? '')) return false;
	if (!COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return false;
	const length = response.headers.get('content-length');
	return length === null || Number(length) >= MIN_COMPRESS_BYTES;
}

/**
 * The same response, its body compressed in one piece on libuv's thread pool (off the request thread): SvelteKit has
 * rendered the whole page before it answers, and the length is then known (and the brotli window fitted to it).
 * Status and headers are kept (each Set-Cookie too).
 */
export async function compressResponse(response: Response, encoding: Encoding): Promise<Response> {
	const body = Buffer.from(await response.arrayBuffer());
	const compressed =
		encoding === 'br'
			? await brotli(body, {
					params: {
						[constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
						[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
						[constants.BROTLI_PARAM_SIZE_HINT]: body.length,
						[constants.BROTLI_PARAM_LGWIN]: brotliWindowBits(body.length)
					}
				})
			: await gzip(body, { level: GZIP_LEVEL });
	const headers = new Headers(response.headers);
	headers.set('content-length', String(compressed.length));
	headers.set('content-encoding', encoding);
	varyOnEncoding(headers);
	return new Response(new Uint8Array(compressed), { status: response.status, statusText: response.statusText, headers });
}

/**
 * The smallest brotli window that holds the whole body (16 to 24 bits), so the page compresses as well: the default
 * 4 MB window made each of many concurrent compressions allocate and fault in memory a page never uses, about twice the
 * CPU of a fitted window on the module page (docs/benchmarks.md, "Compression").
 */
export function brotliWindowBits(length: number): number {
	return Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.max(16, Math.ceil(Math.log2(Math.max(length, 1)))));
}

/** Tells caches that the bytes depend on Accept-Encoding: on every compressible response, compressed or not. */
export function varyOnEncoding(headers: Headers) {
	const vary = headers.get('vary');
	if (!vary?.toLowerCase().includes('accept-encoding')) headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

/** COMPRESSION=off leaves compression to a reverse proxy in front (README, "Behind a reverse proxy"). */
export function compressionEnabled(env: Record<string, string | undefined>): boolean {
	const value = (env.COMPRESSION ?? 'on').trim().toLowerCase();
	if (value !== 'on' && value !== 'off') throw new Error(`COMPRESSION must be "on" or "off" (it is "${env.COMPRESSION}").`);
	return value === 'on';
}
