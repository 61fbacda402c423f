import type { manageCompetencies, manageGroups, manageMatrix } from '$lib/server/reporting/manage-report';

/** What the training-compliance pages show (built on the server by src/lib/server/reporting/manage-report.ts). */
export type ManageCompetenciesReport = ReturnType<typeof manageCompetencies>;
export type ManageGroupsReport = ReturnType<typeof manageGroups>;
export type ManageMatrixReport = ReturnType<typeof manageMatrix>;

/** A share of people in date, as a whole percentage. */
export const percent = (share: number) => `${Math.round(share * 100)}%`;
