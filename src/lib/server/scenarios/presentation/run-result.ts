/** How a stored run reads to its learner: in progress, passed, not passed, or closed without a result. */
import type { ScenarioRun } from '../runs-store';

export type RunResult = 'in-progress' | 'passed' | 'not-passed' | 'closed';

export const RUN_RESULT_LABELS: Readonly<Record<RunResult, { label: string; colour: 'blue' | 'green' | 'amber' | 'grey' }>> = {
	'in-progress': { label: 'In progress', colour: 'blue' },
	passed: { label: 'Passed', colour: 'green' },
	'not-passed': { label: 'Not passed', colour: 'amber' },
	closed: { label: 'Closed without a result', colour: 'grey' }
};

/** A finished run with no outcome was closed because the scenario changed under it (runs-store.ts, abandon). */
export function isAbandoned(run: Pick<ScenarioRun, 'status' | 'outcome'>): boolean {
	return run.status === 'finished' && run.outcome === null;
}

export function runResult(run: Pick<ScenarioRun, 'status' | 'outcome' | 'passed'>): RunResult {
	if (run.status === 'active') return 'in-progress';
	if (isAbandoned(run)) return 'closed';
	return run.passed ? 'passed' : 'not-passed';
}
