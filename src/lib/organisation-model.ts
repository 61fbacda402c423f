/** The vocabulary of the organisation model, shared by forms, validation, seeding and content checks. */

export const ORGANISATION_KINDS = [
	{ id: 'police', label: 'Police force' },
	{ id: 'nhs', label: 'NHS trust' },
	{ id: 'ambulance', label: 'Ambulance service' },
	{ id: 'local-authority', label: 'Local authority' },
	{ id: 'other', label: 'Other partner' }
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]['id'];

export const UNIT_KINDS = [
	{ id: 'bcu', label: 'Basic Command Unit' },
	{ id: 'custody-suite', label: 'Custody suite' },
	{ id: 'control-room', label: 'Control room' },
	{ id: 'ward', label: 'Ward' },
	{ id: 'liaison-diversion', label: 'Liaison and diversion team' },
	{ id: 'crisis-team', label: 'Crisis team' },
	{ id: 'ambulance-sector', label: 'Ambulance sector' },
	{ id: 'training', label: 'Training team' },
	{ id: 'other', label: 'Other team' }
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number]['id'];

export const JOB_ROLES = [
	{ id: 'police-recruit', label: 'Police recruit', kind: 'police' },
	{ id: 'police-constable', label: 'Police constable', kind: 'police' },
	{ id: 'police-sergeant', label: 'Police sergeant', kind: 'police' },
	{ id: 'custody-officer', label: 'Custody officer', kind: 'police' },
	{ id: 'mh-liaison-officer', label: 'Mental health liaison officer', kind: 'police' },
	{ id: 'call-handler', label: 'Call handler', kind: 'police' },
	{ id: 'mental-health-nurse', label: 'Mental health nurse', kind: 'nhs' },
	{ id: 'liaison-diversion-practitioner', label: 'Liaison and diversion practitioner', kind: 'nhs' },
	{ id: 'ward-healthcare-assistant', label: 'Ward healthcare assistant', kind: 'nhs' },
	{ id: 'paramedic', label: 'Paramedic', kind: 'ambulance' },
	{ id: 'emergency-medical-technician', label: 'Emergency medical technician', kind: 'ambulance' }
] as const;
export type JobRoleId = (typeof JOB_ROLES)[number]['id'];
export const JOB_ROLE_IDS = JOB_ROLES.map((r) => r.id) as [JobRoleId, ...JobRoleId[]];

export const ACCESS_ROLES = [
	{ id: 'trainer', label: 'Trainer' },
	{ id: 'manager', label: 'Training manager' },
	{ id: 'partnership-lead', label: 'Partnership lead' },
	{ id: 'admin', label: 'Administrator' }
] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number]['id'];

export const LONDON_BOROUGHS = [
	'Barking and Dagenham',
	'Barnet',
	'Bexley',
	'Brent',
	'Bromley',
	'Camden',
	'City of London',
	'Croydon',
	'Ealing',
	'Enfield',
	'Greenwich',
	'Hackney',
	'Hammersmith and Fulham',
	'Haringey',
	'Harrow',
	'Havering',
	'Hillingdon',
	'Hounslow',
	'Islington',
	'Kensington and Chelsea',
	'Kingston upon Thames',
	'Lambeth',
	'Lewisham',
	'Merton',
	'Newham',
	'Redbridge',
	'Richmond upon Thames',
	'Southwark',
	'Sutton',
	'Tower Hamlets',
	'Waltham Forest',
	'Wandsworth',
	'Westminster'
] as const;

const labels = new Map<string, string>([...ORGANISATION_KINDS, ...UNIT_KINDS, ...JOB_ROLES, ...ACCESS_ROLES].map((x) => [x.id, x.label]));
export const jobRoleLabel = (id: string) => JOB_ROLES.find((r) => r.id === id)?.label ?? id;
export const organisationKindLabel = (id: string) => ORGANISATION_KINDS.find((r) => r.id === id)?.label ?? id;
export const unitKindLabel = (id: string) => UNIT_KINDS.find((r) => r.id === id)?.label ?? id;
export const accessRoleLabel = (id: string) => ACCESS_ROLES.find((r) => r.id === id)?.label ?? labels.get(id) ?? id;
