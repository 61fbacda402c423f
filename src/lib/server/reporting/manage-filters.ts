import { JOB_ROLE_IDS } from '../../organisation-model';
import type { CompetencyStatus } from '../../competency-status';
import { enumParam, intParam } from '../forms/query';

const STATUSES = ['not-achieved', 'current', 'due-soon', 'expired'] as const satisfies readonly CompetencyStatus[];
const SORTS = ['name', 'unit', 'role', 'worst'] as const;

/** The dashboard's URL parameters, read leniently: anything unexpected falls back to the default. */
export function readManageFilters(url: URL) {
	const within = Number(enumParam(url, 'within', ['30', '60', '90'] as const) ?? '60') as 30 | 60 | 90;
	return {
		within,
		expiringPage: intParam(url, 'expiringPage') ?? 1,
		by: enumParam(url, 'by', ['unit', 'role'] as const) ?? 'unit',
		matrix: {
			unitId: intParam(url, 'unit'),
			jobRole: enumParam(url, 'role', JOB_ROLE_IDS),
			status: enumParam(url, 'status', STATUSES),
			sort: enumParam(url, 'sort', SORTS) ?? 'name',
			page: intParam(url, 'page') ?? 1
		}
	};
}
export type ManageFilters = ReturnType<typeof readManageFilters>;
