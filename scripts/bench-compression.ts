// What each compression level costs and saves on a page body: the table `npm run bench` prints under
// "Compression levels", from which src/lib/server/http/compression.ts's levels were chosen (docs/benchmarks.md).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

// `npx tsx scripts/bench-compression.ts <file>...`: the table for saved pages, without a server.
if (import.meta.url === `file://${process.argv[1]}`) {
	const { readFileSync } = await import('node:fs');
	for (const file of process.argv.slice(2)) {
		const body = readFileSync(file);
		console.log(`${file}: ${body.length} bytes`);
		for (const r of measureLevels(body)) console.log(`${r.encoding}\t${r.level}\t${r.bytes}\t${r.cpuMs} ms`);
	}
}
