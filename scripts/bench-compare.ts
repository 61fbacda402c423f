/**
 * npm run bench:compare -- --base <commit> [--only a,c,d,e,f] [--rounds 2] [--workers n] [--port p --bare-port q] [--connections n]
 *
 * Server CPU per request is only comparable within one sitting: this machine's speed varies several-fold from day
 * to day (the bare node:http server answered 8,517 requests a second on 27 November, 1,300–4,700 on 7 December). So
 * an older commit is built (once, kept in bench/tmp/base-<commit>) and both builds are measured by today's bench, in
 * turn, on the same pages and data: base, current, base, current… The base is served a copy of the bench database
 * (it writes its own sessions), made once per comparison. Prints each page's CPU ms/req per round, the ratio of the
 * medians and the ratio of the lowest rounds: this machine's noise only ever adds time, so the lowest round of each
 * is the steadier reading when rounds scatter. The current tree's build must exist (`npm run build`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
	options: {
		base: { type: 'string' },
		only: { type: 'string', default: 'a,c,d,e,f' },
		rounds: { type: 'string', default: '2' },
		workers: { type: 'string', default: '1' },
		db: { type: 'string', default: 'data/bench-synthetic-80000x5.db' },
		// Passed on to the bench: other ports when its default ones are taken by another run on the machine, and fewer
		// connections when the machine is so busy that 50 are not all answered within the warm-up's bound.
		port: { type: 'string' },
		'bare-port': { type: 'string' },
		connections: { type: 'string' }
	}
});
if (!values.base) throw new Error('Say which commit to compare with: --base <commit>');
const base = execFileSync('git', ['rev-parse', '--short', values.base], { encoding: 'utf8' }).trim();
const rounds = Number(values.rounds);
const db = resolve(values.db);
if (!existsSync(db)) throw new Error(`No bench database at ${db}: run \`npm run bench\` once first.`);
if (!existsSync('build/index.js')) throw new Error('No build of the current tree: run `npm run build` first.');
const log = (message: string) => process.stderr.write(`${message}\n`);

// The base commit's tree, built with this tree's packages (an older lock file may name other versions: say so).
const baseDir = resolve(`bench/tmp/base-${base}`);
if (!existsSync(join(baseDir, 'build/index.js'))) {
	log(`Building ${base} in ${baseDir}…`);
	rmSync(baseDir, { recursive: true, force: true });
	mkdirSync(baseDir, { recursive: true });
	execFileSync('sh', ['-c', `git archive ${base} | tar -x -C ${JSON.stringify(baseDir)}`]);
	symlinkSync(resolve('node_modules'), join(baseDir, 'node_modules'));
	const built = spawnSync('npm', ['run', 'build'], { cwd: baseDir, stdio: ['ignore', 'ignore', 'inherit'] });
	if (built.status !== 0) throw new Error(`Building ${base} failed`);
}
const baseDb = resolve('bench/tmp/base.db');
log(`Copying ${db} for the base…`);
// An earlier copy's write-ahead log would be replayed into the new copy: gone first.
for (const beside of ['-wal', '-shm']) rmSync(baseDb + beside, { force: true });
copyFileSync(db, baseDb);
// With its audit key and signed checkpoints (docs/audit.md): a copy signed with a key the server cannot find stops it.
for (const beside of ['.audit-key', '.audit-checkpoints']) {
	rmSync(baseDb + beside, { force: true });
	if (existsSync(db + beside)) copyFileSync(db + beside, baseDb + beside);
}

type Results = { scenarios: Record<string, { name: string; cpuMsPerRequest: number | null; p99: number }> };
function bench(which: 'base' | 'current', round: number): Results {
	const out = resolve(`bench/tmp/compare-${which}-${round}.json`);
	const args = ['scripts/bench.ts', '--no-build', '--only', values.only!, '--workers', values.workers!, '--out', out];
	for (const option of ['port', 'bare-port', 'connections'] as const) if (values[option]) args.push(`--${option}`, values[option]);
	if (which === 'base') args.push('--server-build', baseDir, '--db', baseDb);
	else args.push('--db', db);
	log(`Round ${round}, ${which === 'base' ? base : 'current tree'}…`);
	const run = spawnSync('npx', ['tsx', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (run.status !== 0) throw new Error(`The bench of the ${which} build failed`);
	return JSON.parse(readFileSync(out, 'utf8'));
}

const measured: Record<'base' | 'current', Results[]> = { base: [], current: [] };
for (let round = 1; round <= rounds; round++) for (const which of ['base', 'current'] as const) measured[which].push(bench(which, round));

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const cpu = (which: 'base' | 'current', id: string) => measured[which].map((r) => r.scenarios[id]?.cpuMsPerRequest ?? NaN);
console.log(`Server CPU ms/request, ${base} against the current tree, ${rounds} rounds each, in turn (${values.workers} process(es))`);
console.log(['page', `${base} per round`, 'current per round', 'median ratio', 'lowest ratio'].join('\t'));
for (const id of values.only!.split(',')) {
	const b = cpu('base', id);
	const c = cpu('current', id);
	console.log(
		[
			`${id} ${measured.current[0].scenarios[id]?.name ?? ''}`,
			b.join(' '),
			c.join(' '),
			(median(c) / median(b)).toFixed(2),
			(Math.min(...c) / Math.min(...b)).toFixed(2)
		].join('\t')
	);
}
