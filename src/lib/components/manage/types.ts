import type { manageReport } from '$lib/server/reporting/manage-report';

/** What the training-compliance dashboard shows (built on the server by src/lib/server/reporting/manage-report.ts). */
export type ManageReport = ReturnType<typeof manageReport>;

/** A share of people in date, as a whole percentage. */
export const percent = (share: number) => `${Math.round(share * 100)}%`;
