/** The accounts the benchmark signs in as. Everyone else in synthetic London has no password. */
import type { JobRoleId } from '../../src/lib/organisation-model';

export const BENCH_PASSWORD = 'synthetic-bench-2026';

export type BenchAccountKey = 'learner' | 'unitManager' | 'orgManager' | 'partnership' | 'trainer' | 'admin';

export type BenchAccount = {
	key: BenchAccountKey;
	email: string;
	name: string;
	describe: string;
	jobRole: JobRoleId;
	/** Where they work: the pilot BCU, the ~1,000-person unit, or a named Met unit. */
	unit: 'pilot' | 'bench-unit' | 'training' | 'control-room';
	grant?: { role: 'trainer' | 'manager' | 'partnership-lead' | 'admin'; scope?: 'unit' | 'organisation' };
};

export const BENCH_ACCOUNTS: BenchAccount[] = [
	{
		key: 'learner',
		email: 'bench-learner@synthetic.test',
		name: 'Bench Learner',
		describe: 'police constable in the pilot BCU with five years of history',
		jobRole: 'police-constable',
		unit: 'pilot'
	},
	{
		key: 'unitManager',
		email: 'bench-unit-manager@synthetic.test',
		name: 'Bench Unit Manager',
		describe: 'training manager for one borough unit of about 1,000 people',
		jobRole: 'police-sergeant',
		unit: 'bench-unit',
		grant: { role: 'manager', scope: 'unit' }
	},
	{
		key: 'orgManager',
		email: 'bench-org-manager@synthetic.test',
		name: 'Bench Organisation Manager',
		describe: 'training manager for the whole Met (about 45,000 people)',
		jobRole: 'police-sergeant',
		unit: 'training',
		grant: { role: 'manager', scope: 'organisation' }
	},
	{
		key: 'partnership',
		email: 'bench-partnership@synthetic.test',
		name: 'Bench Partnership Lead',
		describe: 'partnership lead',
		jobRole: 'mh-liaison-officer',
		unit: 'pilot',
		grant: { role: 'partnership-lead' }
	},
	{
		key: 'trainer',
		email: 'bench-trainer@synthetic.test',
		name: 'Bench Trainer',
		describe: 'Met personal safety trainer',
		jobRole: 'police-sergeant',
		unit: 'training',
		grant: { role: 'trainer', scope: 'organisation' }
	},
	{
		key: 'admin',
		email: 'bench-admin@synthetic.test',
		name: 'Bench Administrator',
		describe: 'administrator',
		jobRole: 'call-handler',
		unit: 'control-room',
		grant: { role: 'admin' }
	}
];

export const benchAccount = (key: BenchAccountKey) => BENCH_ACCOUNTS.find((a) => a.key === key)!;
