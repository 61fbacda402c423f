/** Statuses a learner's task can have, with the words and colour shown for each. */
export type TaskStatus = 'not-started' | 'in-progress' | 'completed' | 'refresher-due' | 'overdue';

export const TASK_STATUS: Record<TaskStatus, { label: string; colour: 'grey' | 'blue' | 'green' | 'amber' | 'red' }> = {
	'not-started': { label: 'Not started', colour: 'grey' },
	'in-progress': { label: 'In progress', colour: 'blue' },
	completed: { label: 'Completed', colour: 'green' },
	'refresher-due': { label: 'Refresher due', colour: 'amber' },
	overdue: { label: 'Overdue', colour: 'red' }
};
