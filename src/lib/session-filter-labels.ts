/** The people list's filter by practical session: its values (the `session` URL parameter) and what each is called. */
export const SESSION_FILTERS = ['booked', 'attended', 'no-show', 'none'] as const;
export type SessionFilter = (typeof SESSION_FILTERS)[number];

export const SESSION_FILTER_LABELS: Record<SessionFilter, string> = {
	booked: 'Booked on an upcoming session',
	attended: 'Attended a session',
	'no-show': 'Did not attend a session booked',
	none: 'No upcoming booking'
};
