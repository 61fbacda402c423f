import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './local-server';

// The benchmark's smoke run: tiny synthetic data, a fixed 40 requests per page, the existing build. It checks
// that the bench keeps working (seeding, signing in, preparing scenario choices, measuring), never how fast.
const tsxCli = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'cli.mjs');
const folder = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const built = existsSync('build/index.js');

describe('npm run bench:smoke', () => {
	it.skipIf(!built)(
		'measures every page and the bare server with no errors, and writes the results file',
		async () => {
			const out = join(folder, 'results.json');
			const [port, barePort] = [await freePort(), await freePort()];
			const run = spawnSync(
				process.execPath,
				[tsxCli, 'scripts/bench.ts', '--smoke', '--db', join(folder, 'bench.db'), '--out', out, '--port', String(port), '--bare-port', String(barePort)],
				{
					encoding: 'utf8',
					timeout: 110_000
				}
			);
			expect(run.status, run.stderr).toBe(0);
			const results = JSON.parse(readFileSync(out, 'utf8'));
			expect(Object.keys(results.scenarios).sort()).toEqual(['a', 'a-br', 'b', 'c', 'd', 'e', 'e-br', 'f', 'i', 'i-q', 'i-s', 'r', 's']);
			for (const [id, s] of Object.entries<{ requests: number; errors: number; statusCodes: Record<string, number> }>(results.scenarios)) {
				expect({ id, errors: s.errors, requests: s.requests }).toEqual({ id, errors: 0, requests: 40 });
				expect(Object.keys(s.statusCodes), id).toEqual([id === 'b' ? '303' : '200']);
			}
			expect(results.bare).toMatchObject({ errors: 0, requests: 40 });
			expect(results.scenarios.b.extra).toMatchObject({ poolExhausted: false });
			// Pages go out compressed when asked: the same module page, far fewer bytes on the wire.
			const { a, 'a-br': brotli } = results.scenarios;
			expect(brotli.extra.bytesOnTheWire).toBeGreaterThan(1000);
			expect(brotli.extra.bytesOnTheWire).toBeLessThan(a.extra.bytesOnTheWire / 2);
			expect(results.compressionLevels.levels).toHaveLength(20);
			expect(results.memory.peakRssMb).toBeGreaterThan(0);
			expect(results.javascript.files).toBeGreaterThan(0);
			expect(results.javascript.gzipBytes).toBeGreaterThan(1000);
			expect(run.stdout).toMatch(/bare node:http/);
		},
		120_000
	);
});
