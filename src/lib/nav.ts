/** The main menu for someone signed in: what their access roles open, and their own pages. */
export function mainLinks(viewer: { trainer: boolean; manager: boolean; partnership: boolean; admin: boolean } | null) {
	if (!viewer) return [];
	return [
		{ href: '/training', label: 'My training' },
		{ href: '/modules', label: 'Modules' },
		{ href: '/scenarios', label: 'Scenarios' },
		{ href: '/sessions', label: 'Sessions' },
		...(viewer.trainer ? [{ href: '/assess', label: 'Assess' }] : []),
		...(viewer.manager ? [{ href: '/manage', label: 'Manage' }] : []),
		// Until the /insights index page exists in this branch, Insights opens on the learner evaluation surveys.
		...(viewer.trainer || viewer.manager ? [{ href: '/insights/surveys', label: 'Insights' }] : []),
		...(viewer.partnership ? [{ href: '/partnership', label: 'Partnership' }] : []),
		...(viewer.admin ? [{ href: '/admin', label: 'Admin' }] : []),
		{ href: '/account', label: 'Account' }
	];
}
