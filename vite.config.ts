import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * The roster import reads and plans files in a worker thread that loads its own module (src/lib/server/roster/off-thread.ts).
 * In the server build that module and the pure code it needs get a chunk of their own, so that the worker loads only them,
 * not the routes and the content index that would otherwise share their chunk.
 */
const ROSTER_WORKER =
	/\/src\/lib\/(server\/roster\/(off-thread|parse|plan|row|report|format|fingerprint)|server\/people\/validation|server\/forms\/fields|server\/auth\/password|organisation-model)\.ts$/;
/**
 * The Svelte and SvelteKit runtime in the browser, as one chunk. Split by which pages use which parts, it came as about ten
 * files of 1 to 11 KB on every hydrated page (the module page loaded 21 scripts); each page loads most of it anyway, so one
 * file is fewer requests and fewer bytes everywhere (module page: 10 scripts, 47.7 KB brotli, against 20 and 53.5 KB), and
 * it changes only when the runtime does. See docs/benchmarks.md ("Module page LCP").
 */
const RUNTIME = /\/node_modules\/(svelte|@sveltejs\/kit|esm-env|devalue|clsx)\//;
const rosterWorkerChunk: Plugin = {
	name: 'roster-worker-chunk',
	// SvelteKit's own config hook makes the first build the server's (build.ssr), whatever the command line says.
	config: (config) =>
		config.build?.ssr
			? { build: { rollupOptions: { output: { manualChunks: (id: string) => (ROSTER_WORKER.test(id) ? 'roster-worker' : undefined) } } } }
			: // In the browser's build, chunks under 2 KB are merged into others loaded alike: the module page loaded 29 scripts
				// (many of a few hundred bytes, each a request on a slow phone network) and then 21, with the same bytes; with the
				// runtime in one chunk (RUNTIME above), 10.
				{ build: { rollupOptions: { output: { experimentalMinChunkSize: 2_000, manualChunks: (id: string) => (RUNTIME.test(id) ? 'runtime' : undefined) } } } }
};

export default defineConfig({
	plugins: [sveltekit(), rosterWorkerChunk],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 20000
	}
});
