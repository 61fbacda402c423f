// What each compression level costs and saves on a page body: the table `npm run bench` prints under
// "Compression levels", from which src/lib/server/http/compression.ts's levels were chosen (docs/benchmarks.md).
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { brotliWindowBits } from '../src/lib/server/http/compression';

export type LevelRow = { encoding: 'br' | 'gzip'; level: number; bytes: number; cpuMs: number };

/** Compresses the body at every level, enough times to time it, and reports bytes and CPU milliseconds per response. */
export function measureLevels(body: Buffer, minMs = 200): LevelRow[] {
	const rows: LevelRow[] = [];
	const time = (compress: () => Buffer) => {
		let bytes = 0;
		let runs = 0;
		const start = process.cpuUsage();
		let spent = 0;
		while (spent < minMs * 1000 || runs < 3) {
			bytes = compress().length;
			runs++;
			const used = process.cpuUsage(start);
			spent = used.user + used.system;
		}
		return { bytes, cpuMs: Math.round((spent / runs / 1000) * 1000) / 1000 };
	};
	for (let level = 1; level <= 11; level++) {
		const params = {
			[constants.BROTLI_PARAM_QUALITY]: level,
			[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
			[constants.BROTLI_PARAM_SIZE_HINT]: body.length
		};
		rows.push({ encoding: 'br', level, ...time(() => brotliCompressSync(body, { params })) });
	}
	for (let level = 1; level <= 9; level++) rows.push({ encoding: 'gzip', level, ...time(() => gzipSync(body, { level })) });
	return rows;
}

/**
 * Brotli 5 as the server runs it (16 at a time on the thread pool), with the encoder's default 4 MB window and with the
 * window fitted to the body: CPU milliseconds per response, threads included. The default window costs about twice as
 * much here, though a one-at-a-time loop shows no difference (docs/benchmarks.md, "Compression").
 */
export async function measureWindows(body: Buffer, responses = 400): Promise<{ window: string; cpuMs: number; bytes: number }[]> {
	const compress = promisify(brotliCompress);
	const rows = [];
	for (const [window, bits] of [
		['default (22 bits)', undefined],
		[`fitted (${brotliWindowBits(body.length)} bits)`, brotliWindowBits(body.length)]
	] as const) {
		const params = {
			[constants.BROTLI_PARAM_QUALITY]: 5,
			[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
			[constants.BROTLI_PARAM_SIZE_HINT]: body.length,
			...(bits ? { [constants.BROTLI_PARAM_LGWIN]: bits } : {})
		};
		let bytes = 0;
		const start = process.cpuUsage();
		for (let done = 0; done < responses; done += 16) bytes = (await Promise.all(Array.from({ length: 16 }, () => compress(body, { params }))))[0].length;
		const used = process.cpuUsage(start);
		rows.push({ window, cpuMs: Math.round(((used.user + used.system) / responses / 1000) * 100) / 100, bytes });
	}
	return rows;
}

// `npx tsx scripts/bench-compression.ts <file>...`: the table for saved pages, without a server.
if (import.meta.url === `file://${process.argv[1]}`) {
	const { readFileSync } = await import('node:fs');
	for (const file of process.argv.slice(2)) {
		const body = readFileSync(file);
		console.log(`${file}: ${body.length} bytes`);
		for (const r of measureLevels(body)) console.log(`${r.encoding}\t${r.level}\t${r.bytes}\t${r.cpuMs} ms`);
		for (const r of await measureWindows(body)) console.log(`brotli 5, 16 at a time, window ${r.window}\t${r.bytes}\t${r.cpuMs} ms`);
	}
}
