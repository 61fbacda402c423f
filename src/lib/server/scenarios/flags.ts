/**
 * Risk flags: the unsafe practices a scenario choice can raise. Authors list flag ids in a transition's
 * `meta.flags`; the run summary and debrief show the label. A critical flag means a practice linked to
 * deaths in restraint or unlawful detention, so by default it fails a run whatever the score.
 */

export type RiskSeverity = 'critical' | 'serious' | 'minor';

export interface RiskFlag {
	readonly id: string;
	/** Plain English, shown to the learner. */
	readonly label: string;
	readonly severity: RiskSeverity;
}

export const RISK_FLAGS = [
	{ id: 'prone-too-long', label: 'The person was kept face down for longer than necessary', severity: 'critical' },
	{ id: 'cant-breathe-ignored', label: '"I can\'t breathe" was not acted on at once', severity: 'critical' },
	{ id: 'no-ambulance', label: 'No ambulance was called when the person needed one', severity: 'critical' },
	{ id: 'unlawful-detention', label: 'The person was detained without a lawful power', severity: 'critical' },
	{ id: 'weight-on-chest', label: 'Weight was put on the person\'s chest, back or neck', severity: 'critical' },
	{
		id: 'abd-not-treated-as-emergency',
		label: 'Acute behavioural disturbance was not treated as a medical emergency',
		severity: 'critical'
	},
	{
		id: 'call-closed-without-handover',
		label: 'The call was closed without handing the person over to a service that will act',
		severity: 'critical'
	},
	{
		id: 'no-health-consultation',
		label: 'No health professional was consulted before using section 136, where it was practicable',
		severity: 'serious'
	},
	{ id: 'police-station-used', label: 'A police station was used as a place of safety', severity: 'serious' },
	{
		id: 'no-safety-officer',
		label: 'No one was given the job of watching the person\'s breathing, head and welfare',
		severity: 'serious'
	},
	{ id: 'pain-compliance', label: 'Pain was used to force compliance', severity: 'serious' },
	{ id: 'force-first', label: 'Force was used before trying to talk', severity: 'serious' },
	{
		id: 'arrest-instead-of-care',
		label: 'A person in mental health crisis was arrested for a minor offence instead of being given care',
		severity: 'serious'
	},
	{
		id: 'no-appropriate-adult',
		label: 'No appropriate adult was called for a vulnerable person in custody',
		severity: 'serious'
	},
	{ id: 'no-handover', label: 'Risks were not handed over to the next team', severity: 'serious' },
	{
		id: 'no-monitoring',
		label: 'Breathing and physical health were not monitored during or after restraint',
		severity: 'serious'
	},
	{
		id: 'police-led-clinical-restraint',
		label: 'Police led a restraint in a clinical setting where health staff should lead',
		severity: 'serious'
	},
	{
		id: 'police-vehicle-conveyance',
		label: 'The person was taken in a police vehicle instead of an ambulance',
		severity: 'minor'
	},
	{ id: 'no-liaison-diversion', label: 'The liaison and diversion service was not involved', severity: 'minor' },
	{ id: 'no-recording', label: 'The use of force or the decision was not recorded', severity: 'minor' },
	{
		id: 'inappropriate-deployment',
		label: 'Police were sent where a health or care response was needed',
		severity: 'minor'
	},
	{ id: 'dignity-not-protected', label: 'The person\'s dignity and privacy were not protected', severity: 'minor' },
	{ id: 'family-ignored', label: 'What the family or carers said was not listened to', severity: 'minor' }
] as const satisfies readonly RiskFlag[];

export type RiskFlagId = (typeof RISK_FLAGS)[number]['id'];

export const RISK_FLAGS_BY_ID: ReadonlyMap<string, RiskFlag> = new Map(RISK_FLAGS.map((flag) => [flag.id, flag]));

export function getRiskFlag(id: string): RiskFlag | undefined {
	return RISK_FLAGS_BY_ID.get(id);
}

export function isRiskFlagId(id: string): id is RiskFlagId {
	return RISK_FLAGS_BY_ID.has(id);
}

/** Sort order for lists shown to learners: most severe first. */
export const SEVERITY_RANK: Readonly<Record<RiskSeverity, number>> = { critical: 0, serious: 1, minor: 2 };
