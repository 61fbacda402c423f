/**
 * Messages to people booked on a session, each through the outbox in the caller's transaction, each with the
 * session's calendar object: an invitation (REQUEST) while they hold a place, a cancellation (CANCEL) when they no
 * longer do. Waiting-list messages carry no calendar: there is no place to put in it yet.
 */
import type { Framework } from '../competency/framework';
import { queueMail, type MailWriter } from '../mail/queue';
import { currentMailSettings } from '../mail/settings';
import { sessionCalendar } from './calendar';
import { formatSessionTime } from './london-time';
import { competencyTitles, type SessionDetail } from './store';

export type SessionNews = 'booked' | 'waiting' | 'promoted' | 'changed' | 'session-cancelled' | 'booking-cancelled' | 'reminder';

const SUMMARY: Record<SessionNews, (title: string) => string> = {
	booked: (t) => `You are booked on ${t}`,
	waiting: (t) => `You are on the waiting list for ${t}`,
	promoted: (t) => `A place came free: you are now booked on ${t}`,
	changed: (t) => `${t} has changed`,
	'session-cancelled': (t) => `${t} has been cancelled`,
	'booking-cancelled': (t) => `Your booking on ${t} is cancelled`,
	reminder: (t) => `Reminder: ${t} is in 2 days`
};

const ACTION: Record<SessionNews, string> = {
	booked: 'The calendar invitation with this message puts it in your calendar. You can cancel your place on the session’s page until booking closes.',
	waiting: 'We will email you if a place comes free and you are given it. You can leave the waiting list on the session’s page.',
	promoted:
		'The calendar invitation with this message puts it in your calendar. If you can no longer go, cancel on the session’s page so the next person can have the place.',
	changed: 'The calendar invitation with this message updates the event in your calendar. If you can no longer go, cancel on the session’s page.',
	'session-cancelled': 'The calendar cancellation with this message takes it out of your calendar. Look for another session on the academy’s Sessions page.',
	'booking-cancelled': 'The calendar cancellation with this message takes it out of your calendar.',
	reminder: 'If you can no longer go, cancel on the session’s page so that someone on the waiting list can have the place.'
};

export function notifySession(
	tx: MailWriter,
	framework: Framework,
	session: SessionDetail,
	person: { id: number; name: string; email: string },
	news: SessionNews,
	options: { dedupeKey?: string; now?: Date } = {}
) {
	const settings = currentMailSettings();
	const url = `${settings.origin}/sessions/${session.id}`;
	const titles = competencyTitles(framework, session.competencyIds);
	const details = [`When: ${formatSessionTime(session.startsAt, session.endsAt)} (London time)`, `Where: ${session.venue}`];
	if (titles.length) details.push(`Assesses: ${titles.join('; ')}`);
	if (news === 'session-cancelled' && session.cancelReason) details.push(`Why: ${session.cancelReason}`);
	const withdrawn = news === 'session-cancelled' || news === 'booking-cancelled';
	const calendar =
		news === 'waiting'
			? undefined
			: sessionCalendar(
					{ ...session, competencies: titles },
					{
						method: withdrawn ? 'CANCEL' : 'REQUEST',
						domain: settings.domain,
						url,
						organiser: { name: 'Crisis Care Academy', email: `no-reply@${settings.domain}` },
						attendee: { name: person.name, email: person.email }
					}
				);
	return queueMail(tx, {
		to: person.id,
		template: 'session-update',
		kind: 'booking',
		data: {
			name: person.name,
			summary: SUMMARY[news](session.title),
			details,
			action: ACTION[news],
			sessionUrl: url,
			notificationsUrl: `${settings.origin}/notifications`
		},
		calendar,
		dedupeKey: options.dedupeKey,
		now: options.now
	});
}
