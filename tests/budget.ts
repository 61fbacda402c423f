// Time budgets for the end-to-end tests that scale with how busy the machine is.
//
// CI and our own machines are shared: on a 2-core machine with a load average of 7, a page that renders in 300 ms on
// an idle machine takes seconds, an argon2 sign-in takes longer still, and an axe scan of a large table longer again.
// Budgets written for an idle machine then run out although nothing is wrong. So every budget is written as what the
// step needs on an idle machine, multiplied by one factor for the whole run. A budget only bounds how long a failing
// step waits before it is reported; no test asserts on how long anything took.
import { test } from '@playwright/test';
import { cpus, loadavg } from 'node:os';

const ENV = 'E2E_SLOWMO_FACTOR';
const MIN = 1;
const MAX = 8;

/**
 * E2E_SLOWMO_FACTOR when it is set (a number from 1 to 8). Otherwise 1 + the one-minute load average per core when the
 * run starts, so a machine already running one job per core gets twice the idle budgets; at least 2 on CI, where the
 * load can rise after the run has started. The first caller (playwright.config.ts, in the runner) writes the figure
 * into the environment, so that every worker process uses the same one.
 */
export function slowdownFactor(env: NodeJS.ProcessEnv = process.env): number {
	const given = env[ENV];
	if (given !== undefined && given !== '') {
		const factor = Number(given);
		if (!Number.isFinite(factor) || factor < MIN || factor > MAX) throw new Error(`${ENV} must be a number from ${MIN} to ${MAX}, not "${given}"`);
		return factor;
	}
	const perCore = loadavg()[0] / Math.max(1, cpus().length);
	const floor = env.CI ? 2 : MIN;
	return Math.round(Math.min(MAX, Math.max(floor, 1 + perCore)) * 10) / 10;
}

/** Pins the factor for this run (see slowdownFactor) and returns it. */
export function pinSlowdownFactor(): number {
	const factor = slowdownFactor();
	process.env[ENV] = String(factor);
	return factor;
}

/** What a step that takes `idleMs` at most on an idle machine may take on this one. */
export const budget = (idleMs: number) => Math.round(idleMs * slowdownFactor());

/** Idle-machine budgets of the steps that are slow by nature, used by tests/helpers.ts. */
export const SLOW_STEPS = {
	/** Sign-in verifies an argon2id hash (deliberately expensive), then renders the training page. */
	signIn: 10_000,
	/** An axe-core scan walks the whole DOM in the browser; the dashboard's tables make it slow. */
	axeScan: 10_000
} as const;

/**
 * Gives the running test (or hook) `idleMs` more time, scaled, for a slow step it is about to take. A journey that
 * signs in three times and scans six pages so gets the time those steps need, without a hand-tuned timeout per test.
 */
export function allowFor(idleMs: number) {
	const info = test.info();
	if (info.timeout > 0) info.setTimeout(info.timeout + budget(idleMs));
}
