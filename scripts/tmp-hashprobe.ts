import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { signInCookie, waitFor } from './local-server';
import { benchAccount, BENCH_PASSWORD } from './synthetic/accounts';
const origin = 'http://localhost:4798';
const child = spawn(process.execPath, ['scripts/start.js'], { env: { ...process.env, PORT: '4798', DATABASE_PATH: '/tmp/probe.db', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
try {
	await waitFor(`${origin}/login`);
	const cookie = await signInCookie(origin, benchAccount('learner').email, BENCH_PASSWORD);
	await new Promise((r) => setTimeout(r, 2000));
	await autocannon({ url: origin + (process.argv[2] ?? '/modules/restraint-safety'), connections: 10, amount: 6000, headers: { cookie } });
} finally { child.kill(); }
