// Crash safety: learners work against the built server, which is killed with SIGKILL part-way and started again
// on the same database. Every write the server acknowledged must still be there, scenario runs must resume where
// the last acknowledged page left them, and the database and its audit chain must check out.
import { expect, test } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../scripts/demo/seed';
import { checkAfterCrash, takeBaseline } from './crash/checks';
import { moduleFacts, scenarioSlugs } from './crash/content';
import { Learner } from './crash/learner';
import { freePort } from '../scripts/local-server';
import { BuiltServer } from './crash/server';
import { budget } from './budget';
import { DEMO_PASSWORD } from './helpers';

const ROUNDS = 4;
const ACCOUNTS = ['recruit', 'officer', 'custody', 'nurse', 'paramedic', 'trainer'].map((who) => `${who}@demo.test`);

test('acknowledged writes survive the server being killed, four times over', async () => {
	test.setTimeout(budget(180_000));
	const folder = mkdtempSync(join(tmpdir(), 'crash-safety-'));
	const databasePath = join(folder, 'academy.db');
	const server = new BuiltServer({ port: await freePort(), databasePath });
	const modules = moduleFacts();
	const scenarios = scenarioSlugs();
	const learners = ACCOUNTS.map((email) => new Learner(email, server, modules, scenarios));
	let passed = false;
	try {
		await server.start({ seed: true, timeoutMs: budget(120_000) });
		await Promise.all(learners.map((learner) => learner.open()));
		const baseline = takeBaseline(databasePath, learners);
		await Promise.all(learners.map((learner) => learner.signIn(DEMO_PASSWORD)));

		for (let round = 1; round <= ROUNDS; round++) {
			for (const learner of learners) learner.acknowledged = 0;
			const working = Promise.all(learners.map((learner, i) => learner.work(mulberry32(round * 100 + i), round)));
			working.catch(() => {}); // a failed check is reported by the await below, after the kill, not as an unhandled rejection
			const killAfter = 1500 + Math.floor(mulberry32(round)() * 1500);
			await new Promise((r) => setTimeout(r, killAfter));
			await server.kill();
			await working;

			const acknowledged = learners.reduce((n, learner) => n + learner.acknowledged, 0);
			const findings = checkAfterCrash(databasePath, learners, baseline);
			console.log(
				`Round ${round}: killed after ${killAfter} ms; ${acknowledged} writes acknowledged, all present; ${findings.inFlightCommitted} of ${findings.inFlight} unanswered writes had been committed.`
			);
			expect(acknowledged, 'enough work happened before the kill to mean something').toBeGreaterThan(20);

			await server.start();
			await expectRunsResume(learners);
		}
		passed = true;
	} finally {
		await server.kill();
		await Promise.all(learners.map((learner) => learner.close()));
		if (passed) rmSync(folder, { recursive: true, force: true });
		else console.log(`Crash-safety database kept for inspection: ${databasePath}\nServer output:\n${server.output()}`);
	}
});

/** After a restart every unfinished run shows the decision its last acknowledged page showed. */
async function expectRunsResume(learners: Learner[]) {
	for (const learner of learners) {
		await learner.expectSignedIn();
		for (const run of learner.runs.values()) {
			if (run.finished) continue;
			const page = await learner.runPage(run);
			if (run.page) expect(page, `${learner.email}: run ${run.id} resumes at the same decision`).toEqual(run.page);
			else expect(page?.step, `${learner.email}: run ${run.id} resumes after its last decision`).toBe(run.events.length);
			run.page = page;
		}
	}
}
