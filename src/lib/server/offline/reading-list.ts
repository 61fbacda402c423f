import type { TaskStatus } from '../../training-status';

/**
 * The module pages a learner's phone keeps for reading without a signal (src/service-worker.ts), besides the ones they
 * open: those still to do or come round again for their role, most urgent first. Completed ones are kept only once
 * opened, by the service worker itself.
 */
export function offlineReadingList(modules: { href: string; status: TaskStatus }[]): string[] {
	const order: Record<TaskStatus, number> = { overdue: 0, 'refresher-due': 1, 'in-progress': 2, 'not-started': 3, completed: 4 };
	return modules
		.filter((m) => m.status !== 'completed')
		.sort((a, b) => order[a.status] - order[b.status])
		.map((m) => m.href);
}
