import { describe, expect, it } from 'vitest';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { brotliWindowBits, compressionEnabled, compressResponse, MIN_COMPRESS_BYTES, negotiateEncoding, shouldCompress } from './compression';

const page = '<!doctype html><main>' + 'Keep the airway clear. '.repeat(400) + '</main>';
const html = (body = page, headers: Record<string, string> = {}) =>
	new Response(body, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });

describe('negotiateEncoding', () => {
	it('prefers brotli, falls back to gzip, and sends neither when none is acceptable', () => {
		expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
		expect(negotiateEncoding('deflate')).toBeNull();
		expect(negotiateEncoding('')).toBeNull();
		expect(negotiateEncoding(null)).toBeNull();
		expect(negotiateEncoding('identity')).toBeNull();
	});

	it('honours q-values, q=0 included, and the wildcard', () => {
		expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
		expect(negotiateEncoding('br;q=0.2, gzip;q=0.8')).toBe('gzip');
		expect(negotiateEncoding('*')).toBe('br');
		expect(negotiateEncoding('*;q=0')).toBeNull();
		expect(negotiateEncoding('BR ; Q=1')).toBe('br');
	});
});

describe('shouldCompress', () => {
	it('takes text bodies and JSON worth the effort', () => {
		expect(shouldCompress('GET', html())).toBe(true);
		expect(shouldCompress('GET', new Response('{"a":1}'.repeat(300), { headers: { 'content-type': 'application/json' } }))).toBe(true);
	});

	it('leaves alone HEAD, small bodies, images, encoded bodies and no-transform', () => {
		expect(shouldCompress('HEAD', html())).toBe(false);
		expect(shouldCompress('GET', html('x', { 'content-length': String(MIN_COMPRESS_BYTES - 1) }))).toBe(false);
		expect(shouldCompress('GET', new Response('x'.repeat(5000), { headers: { 'content-type': 'image/png' } }))).toBe(false);
		expect(shouldCompress('GET', html(page, { 'content-encoding': 'gzip' }))).toBe(false);
		expect(shouldCompress('GET', html(page, { 'cache-control': 'private, no-transform' }))).toBe(false);
		expect(shouldCompress('GET', new Response(null, { status: 204 }))).toBe(false);
	});
});

describe('compressResponse', () => {
	it('sends the same bytes brotli-compressed, with status and every cookie kept', async () => {
		const original = html(page, { 'content-length': String(page.length), 'set-cookie': 'a=1; Path=/' });
		original.headers.append('set-cookie', 'b=2; Path=/');
		const compressed = await compressResponse(original, 'br');
		expect(compressed.status).toBe(200);
		expect(compressed.headers.get('content-encoding')).toBe('br');
		expect(Number(compressed.headers.get('content-length'))).toBeLessThan(page.length / 10);
		expect(compressed.headers.get('vary')).toBe('Accept-Encoding');
		expect(compressed.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
		const bytes = Buffer.from(await compressed.arrayBuffer());
		expect(bytes.length).toBeLessThan(page.length / 10);
		expect(brotliDecompressSync(bytes).toString()).toBe(page);
	});

	it('gzips for clients without brotli and adds to an existing Vary', async () => {
		const compressed = await compressResponse(html(page, { vary: 'Cookie' }), 'gzip');
		expect(compressed.headers.get('vary')).toBe('Cookie, Accept-Encoding');
		expect(gunzipSync(Buffer.from(await compressed.arrayBuffer())).toString()).toBe(page);
	});

	it('compresses a streamed body whole', async () => {
		const parts = ['<p>first</p>'.repeat(200), '<p>second</p>'.repeat(200)];
		const stream = new ReadableStream({
			start(controller) {
				for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
				controller.close();
			}
		});
		const compressed = await compressResponse(new Response(stream, { headers: { 'content-type': 'text/html' } }), 'br');
		expect(brotliDecompressSync(Buffer.from(await compressed.arrayBuffer())).toString()).toBe(parts.join(''));
	});
});

describe('compressionEnabled', () => {
	it('is on unless COMPRESSION=off, and refuses anything else', () => {
		expect(compressionEnabled({})).toBe(true);
		expect(compressionEnabled({ COMPRESSION: 'off' })).toBe(false);
		expect(compressionEnabled({ COMPRESSION: ' ON ' })).toBe(true);
		expect(() => compressionEnabled({ COMPRESSION: 'yes' })).toThrow(/COMPRESSION must be "on" or "off"/);
	});
});

describe('brotliWindowBits', () => {
	it('fits the window to the body, from 64 KB up to the 16 MB maximum', () => {
		expect(brotliWindowBits(0)).toBe(16);
		expect(brotliWindowBits(1500)).toBe(16);
		expect(brotliWindowBits(65_536)).toBe(16);
		expect(brotliWindowBits(65_537)).toBe(17);
		expect(brotliWindowBits(71_282)).toBe(17);
		expect(brotliWindowBits(300_000)).toBe(19);
		expect(brotliWindowBits(100_000_000)).toBe(24);
	});

	it('compresses a page as well as the default 4 MB window', async () => {
		const page = Array.from(
			{ length: 900 },
			(_, i) => `<p class="para-${i % 37}">Section ${i}: keep the person's airway clear and watch their breathing.</p>`
		).join('\n');
		const params = (window?: number) => ({
			[constants.BROTLI_PARAM_QUALITY]: 5,
			[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
			...(window ? { [constants.BROTLI_PARAM_LGWIN]: window } : {})
		});
		const fitted = brotliCompressSync(page, { params: params(brotliWindowBits(page.length)) });
		// Within the few bits the stream's header spends on saying the window size.
		expect(fitted.length).toBeLessThanOrEqual(brotliCompressSync(page, { params: params() }).length + 2);
		const response = await compressResponse(new Response(page, { headers: { 'content-type': 'text/html' } }), 'br');
		expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(page);
	});
});
