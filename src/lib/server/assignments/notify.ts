/**
 * Tells an assignee about their assigned training through the outbox, in the caller's transaction: when it is
 * assigned, extended or cancelled. A dedupe key per assignment, person and news keeps a retried write from
 * sending twice.
 */
import { formatDate } from '$lib/competency-status';
import type { IsoDate } from '../competency/dates';
import { statementsFor } from '../db/prepared';
import { queueMail, type MailWriter } from '../mail/queue';
import { currentMailSettings } from '../mail/settings';
import type { AssignedWhat } from './rules';
import { describeWhat, type AssignmentContent } from './titles';

export type AssignmentNews = 'assigned' | 'extended' | 'cancelled';

type Told = AssignedWhat & { id: number; reason: string };

export function notifyAssignee(
	tx: MailWriter,
	content: AssignmentContent,
	a: Told,
	personId: number,
	news: AssignmentNews,
	dueOn: IsoDate,
	now: Date,
	why?: string,
	/** When the assignment was met as it was made: the date of the evidence already on their record. */
	alreadyDoneOn: IsoDate | null = null
) {
	const settings = currentMailSettings();
	const what = describeWhat(content, a);
	const person = statementsFor(tx, 'assignment-notify', (c) => c.prepare('select name from people where id = ?')).get(personId) as { name: string };
	const summary =
		news === 'assigned'
			? `You have been assigned training: ${what.title}`
			: news === 'extended'
				? `More time for your assigned training: ${what.title}`
				: `Assigned training cancelled: ${what.title}`;
	const details = [`What to do: ${what.label}`, `Why: ${a.reason}`];
	if (news !== 'cancelled') details.push(`Due by: ${formatDate(dueOn)}`);
	if (why) details.push(news === 'extended' ? `Why it was extended: ${why}` : `Why it was cancelled: ${why}`);
	if (alreadyDoneOn) details.push(`Already done: your record shows it done on ${formatDate(alreadyDoneOn)}, on or after the day it was assigned`);
	return queueMail(tx, {
		to: personId,
		template: 'assignment-update',
		kind: 'assignment',
		data: {
			name: person.name,
			summary,
			details,
			action:
				news === 'cancelled'
					? 'You no longer need to do this for the assignment; anything you have done still counts on your record.'
					: alreadyDoneOn
						? 'There is nothing more to do: the assignment is marked done, and your manager sees it as done.'
						: 'It is listed under “Assigned to you” at the top of My training until you have done it.',
			trainingUrl: `${settings.origin}/training`,
			notificationsUrl: `${settings.origin}/notifications`
		},
		dedupeKey: `assignment:${a.id}:${personId}:${news}:${news === 'extended' ? dueOn : ''}`,
		now
	});
}
