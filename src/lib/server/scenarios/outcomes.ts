/** How a scenario can end. Every final state names one; a scenario's pass criteria list the passing ones. */

export const OUTCOME_IDS = ['safe-resolution', 'delayed-care', 'harm', 'risk-of-death', 'unlawful-detention'] as const;

export type OutcomeId = (typeof OUTCOME_IDS)[number];

export const OUTCOME_LABELS: Readonly<Record<OutcomeId, string>> = {
	'safe-resolution': 'Safe resolution',
	'delayed-care': 'Delayed care',
	harm: 'Harm',
	'risk-of-death': 'Risk of death',
	'unlawful-detention': 'Unlawful detention'
};

export function isOutcomeId(value: unknown): value is OutcomeId {
	return typeof value === 'string' && (OUTCOME_IDS as readonly string[]).includes(value);
}
