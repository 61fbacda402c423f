/**
 * The "Training you assigned" lines of a manager's digest: the progress of their own open assignments, pure. A group's
 * figures go through the same disclosure control as the rest of the digest (reporting/disclosure.ts), since an email
 * is forwarded; an assignment to one person says only whether it is overdue, never who it is or why.
 */
import { formatDate } from '../../competency-status';
import type { MadeByRow } from '../assignments/store';
import { describeWhat, type AssignmentContent } from '../assignments/titles';
import { publishCount, publishShare, SUPPRESS_UP_TO } from '../reporting/disclosure';

const number = new Intl.NumberFormat('en-GB');
const shown = (n: number) => {
	const p = publishCount(n);
	return p === null ? `between 1 and ${SUPPRESS_UP_TO}` : number.format(p);
};

/** A group's progress under the rule: each share withheld when its count, total or complement is 1 to 7. */
function groupProgress({ total, done, overdue }: MadeByRow['progress']): string {
	const d = publishShare(done, total);
	const o = publishShare(overdue, total);
	if (d.suppressed && o.suppressed) return `progress not shown, as too few people would be counted (${shown(total)} assigned)`;
	const doneText = d.suppressed
		? `how many have done it is not shown (${shown(total)} assigned)`
		: `${number.format(d.count)} of ${number.format(d.total)} done`;
	const overdueText = o.suppressed ? 'how many are overdue is not shown' : `${number.format(o.count)} overdue`;
	return `${doneText}, ${overdueText}`;
}

export function assignmentDigestLines(content: AssignmentContent, made: { rows: MadeByRow[]; more: number }): string[] {
	if (!made.rows.length) return ['Nothing you assigned is waiting on anyone.'];
	const lines = made.rows.map((a) => {
		const { title } = describeWhat(content, a);
		const due = `due by ${formatDate(a.dueOn)}`;
		if (a.targetKind === 'person') {
			// Open, so the one person has not done it; overdue is counted on their own due date (after any extension).
			return `${title} (one person, ${due}): ${a.progress.overdue > 0 ? 'overdue' : 'not done yet'}`;
		}
		return `${title} (${a.reason}, ${due}): ${groupProgress(a.progress)}`;
	});
	if (made.more) lines.push(`And ${number.format(made.more)} more, on the assigned training page.`);
	return lines;
}
