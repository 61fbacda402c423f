/** Competency statuses with the words and colour shown for each; the text always says the status. */
export type CompetencyStatus = 'not-achieved' | 'current' | 'due-soon' | 'expired';

export const COMPETENCY_STATUS: Record<CompetencyStatus, { label: string; colour: 'grey' | 'green' | 'amber' | 'red' }> = {
	'not-achieved': { label: 'Not yet achieved', colour: 'grey' },
	current: { label: 'Current', colour: 'green' },
	'due-soon': { label: 'Due soon', colour: 'amber' },
	expired: { label: 'Expired', colour: 'red' }
};

export function formatDate(iso: string | null | undefined): string {
	if (!iso) return '–';
	return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
