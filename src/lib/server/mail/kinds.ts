/**
 * What a message is, for the outbox filters and the notifications page. Later kinds (activation links, password
 * resets, session bookings, assigned training) are added here as they are built.
 */
export const MAIL_KINDS = ['reminder', 'digest', 'account', 'booking', 'assignment', 'prior-learning'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_KIND_LABEL: Record<MailKind, string> = {
	reminder: 'Refresher reminder',
	digest: 'Manager digest',
	account: 'Account',
	booking: 'Session booking',
	assignment: 'Assigned training',
	'prior-learning': 'Prior learning'
};

export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
