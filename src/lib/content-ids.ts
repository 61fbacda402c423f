/**
 * Identifiers shared by modules and scenarios (see docs/authoring.md, "Identifiers shared across content").
 * Content files refer to job roles and competencies by these ids; schemas reject anything else,
 * so a typo in frontmatter fails the content checks instead of silently assigning nothing.
 */

export const JOB_ROLE_IDS = [
	'police-recruit',
	'police-constable',
	'police-sergeant',
	'custody-officer',
	'mh-liaison-officer',
	'call-handler',
	'mental-health-nurse',
	'liaison-diversion-practitioner',
	'ward-healthcare-assistant',
	'paramedic',
	'emergency-medical-technician'
] as const;

export type JobRoleId = (typeof JOB_ROLE_IDS)[number];

export const COMPETENCY_IDS = [
	'recognise-distress',
	'mha-powers',
	'mca-emergencies',
	'de-escalation',
	'safe-restraint',
	'abd-emergency',
	'physical-monitoring',
	'cant-breathe-response',
	'use-of-force-act',
	'crisis-pathways',
	'information-sharing',
	'equitable-practice',
	'families-carers',
	'vulnerable-detainees',
	'post-incident'
] as const;

export type CompetencyId = (typeof COMPETENCY_IDS)[number];

export function isJobRoleId(value: unknown): value is JobRoleId {
	return typeof value === 'string' && (JOB_ROLE_IDS as readonly string[]).includes(value);
}

export function isCompetencyId(value: unknown): value is CompetencyId {
	return typeof value === 'string' && (COMPETENCY_IDS as readonly string[]).includes(value);
}
