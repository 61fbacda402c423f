/** The learner's email about the outcome of their claim, queued in the decision's transaction. */
import { formatDate } from '../../competency-status';
import type { Framework } from '../competency/framework';
import type { Db } from '../db';
import { queueMail } from '../mail/queue';
import { currentMailSettings } from '../mail/settings';
import type { Claim } from './claims-store';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function queueOutcomeMail(tx: Tx, framework: Framework, claim: Claim & { status: 'approved' | 'rejected' }, now: Date) {
	const { origin } = currentMailSettings();
	const competency = framework.competencies.find((c) => c.id === claim.competencyId)?.title ?? claim.competencyId;
	const approved = claim.status === 'approved';
	const details = [`Competency: ${competency}`, `Provider: ${claim.provider}`, `Completed: ${formatDate(claim.completedOn)}`];
	if (claim.reviewReason) details.push(`${approved ? 'Note' : 'Reason'} from the manager: ${claim.reviewReason}`);
	return queueMail(tx, {
		to: claim.person.id,
		template: 'prior-learning-outcome',
		kind: 'prior-learning',
		data: {
			name: claim.person.name,
			summary: approved ? `Your prior learning for ${competency} has been approved` : `Your prior learning for ${competency} was not approved`,
			details,
			action: approved
				? 'It is now evidence in your training record, dated when you completed the learning, and counts until its refresher falls due.'
				: 'If you can answer the reason given, record the claim again with what was missing, or talk to your training manager.',
			claimUrl: `${origin}/prior-learning/${claim.id}`,
			notificationsUrl: `${origin}/notifications`
		},
		dedupeKey: `prior-learning-outcome:${claim.id}`,
		now
	});
}
