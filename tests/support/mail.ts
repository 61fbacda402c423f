/** The values of a refresher reminder (content/emails/refresher-reminder.md) for a test: every placeholder set, any overridden. */
export function reminderData(overrides: { name?: string; summary?: string; items?: string[] } = {}) {
	return {
		name: 'Ann',
		summary: 'Due',
		items: ['One'],
		trainingUrl: 'https://a.example/training',
		notificationsUrl: 'https://a.example/notifications',
		dueSoonDays: '60',
		finalDays: '7',
		...overrides
	};
}
