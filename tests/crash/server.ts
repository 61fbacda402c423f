// Starts the built server as a child process on its own port and database, and kills it without warning.
import { spawn, type ChildProcess } from 'node:child_process';
import { budget } from '../budget';

export type ServerOptions = { port: number; databasePath: string };

export class BuiltServer {
	readonly origin: string;
	killed = false;
	private child: ChildProcess | undefined;
	private exited: Promise<void> = Promise.resolve();
	private log = '';

	constructor(private readonly options: ServerOptions) {
		this.origin = `http://localhost:${options.port}`;
	}

	/** The last of what the server printed, for failure messages. */
	output(): string {
		return this.log.slice(-4000);
	}

	/**
	 * With `seed`, scripts/demo.ts migrates and seeds demo London first, as `npm run demo` does, then serves the same build.
	 * Without, `node scripts/start.js`, as in production.
	 */
	async start({ seed = false, timeoutMs = budget(30_000) } = {}): Promise<void> {
		// `node --import tsx` rather than the tsx command, which runs a second node process that SIGKILL would orphan.
		const args = seed ? ['--import', 'tsx', 'scripts/demo.ts'] : ['scripts/start.js'];
		const child = spawn(process.execPath, args, {
			env: { ...process.env, PORT: String(this.options.port), DATABASE_PATH: this.options.databasePath, ORIGIN: this.origin },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		this.child = child;
		this.killed = false;
		child.stdout!.on('data', (chunk) => (this.log += chunk));
		child.stderr!.on('data', (chunk) => (this.log += chunk));
		this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} before it was ready:\n${this.output()}`);
			try {
				if ((await fetch(`${this.origin}/login`)).ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`The server was not ready within ${timeoutMs} ms:\n${this.output()}`);
	}

	/** SIGKILL: no shutdown handlers, no checkpoint, no closing of the database. */
	async kill(): Promise<void> {
		this.killed = true;
		if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
		await this.exited;
	}
}
