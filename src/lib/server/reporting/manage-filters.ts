import { JOB_ROLE_IDS } from '../../organisation-model';
import { COMPETENCY_STATUSES, DUE_SOON_DAYS, EXPIRY_WINDOWS, type ExpiryWindow } from '../competency/status-rule';
import { enumParam, intParam } from '../forms/query';
import { getFramework } from '../content';
import { practicalCompetencies } from '../practical/lists';
import { SESSION_FILTERS } from '../../session-filter-labels';

const WINDOWS = EXPIRY_WINDOWS.map(String);
const SORTS = ['name', 'unit', 'role', 'worst'] as const;

/** The dashboard's URL parameters, read leniently: anything unexpected falls back to the default. */
export function readManageFilters(url: URL) {
	// By default the list shows what is due soon (and what has expired).
	const within = Number(enumParam(url, 'within', WINDOWS) ?? DUE_SOON_DAYS) as ExpiryWindow;
	return {
		within,
		expiringPage: intParam(url, 'expiringPage') ?? 1,
		by: enumParam(url, 'by', ['unit', 'role'] as const) ?? 'unit',
		matrix: {
			unitId: intParam(url, 'unit'),
			jobRole: enumParam(url, 'role', JOB_ROLE_IDS),
			status: enumParam(url, 'status', COMPETENCY_STATUSES),
			sort: enumParam(url, 'sort', SORTS) ?? 'name',
			// By practical session: booked, attended, did not attend or no booking, for one practical competency or any.
			session: enumParam(url, 'session', SESSION_FILTERS),
			sessionFor: enumParam(url, 'sessionFor', practicalCompetencies(getFramework())),
			page: intParam(url, 'page') ?? 1
		}
	};
}
export type ManageFilters = ReturnType<typeof readManageFilters>;
