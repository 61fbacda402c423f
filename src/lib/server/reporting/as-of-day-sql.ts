/**
 * What a count as of a past day counts, in SQL: the people in post that day, and their statuses in date that day
 * (from the stored cycles). The trend by competency (aggregates.ts) and the partnership view's frozen figures
 * (partnership-snapshots.ts) count the same way; `day` is an SQL expression such as a bound `@date`.
 */

/** SQL true when person `p` (a people alias) was in post on `day`: started by then and not left by then. */
export function inPostOnSql(p: string, day: string): string {
	return `${p}.start_date <= ${day} and (${p}.left_date is null or ${p}.left_date > ${day})`;
}

/** SQL giving 1 when the competency_status row `cs` (an alias) was in date on `day` (one of its cycles spans the day), else 0. */
export function inDateOnSql(cs: string, day: string): string {
	return `case when exists (select 1 from competency_cycles cc where cc.person_id = ${cs}.person_id and cc.competency_id = ${cs}.competency_id and cc.achieved_on <= ${day} and cc.expires_on > ${day}) then 1 else 0 end`;
}
