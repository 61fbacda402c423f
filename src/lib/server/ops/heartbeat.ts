import { taskLastSuccess } from './app-metrics';
import { registerReadinessCheck } from './readiness';

const beats = new Map<string, number>();

/**
 * Says that a background task has just run successfully: the periodic maintenance after each run, the mail
 * sender after each pass over the outbox. Sets academy_task_last_success_timestamp_seconds{task}.
 */
export function markAlive(task: string, at = Date.now()): void {
	beats.set(task, at);
	taskLastSuccess.set({ task }, at / 1000);
}

/** When `task` last called markAlive in this process. */
export function lastAlive(task: string): number | undefined {
	return beats.get(task);
}

/** Whether a heartbeat is recent enough; before the first one, a task is given `withinMs` from `since` to start. */
export function heartbeatStatus(last: number | undefined, since: number, withinMs: number, now = Date.now()) {
	const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
	if (last === undefined) {
		return now - since <= withinMs
			? { ok: true, detail: `starting, not run yet (${seconds(now - since)} since start)` }
			: { ok: false, detail: `has not run in the ${seconds(now - since)} since start` };
	}
	const age = now - last;
	return age <= withinMs
		? { ok: true, detail: `last ran ${seconds(age)} ago` }
		: { ok: false, detail: `last ran ${seconds(age)} ago, more than ${seconds(withinMs)}` };
}

/** Makes /readyz fail when `task` has not called markAlive within `withinMs` (a few of its intervals). */
export function expectAlive(task: string, withinMs: number): () => void {
	const since = Date.now();
	return registerReadinessCheck(task, () => heartbeatStatus(beats.get(task), since, withinMs));
}
