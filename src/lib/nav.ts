/** The main menu for someone signed in: what their access roles open, and their own pages. */
export function mainLinks(viewer: { trainer: boolean; manager: boolean; partnership: boolean; admin: boolean; insights?: boolean } | null) {
	if (!viewer) return [];
	return [
		{ href: '/training', label: 'My training' },
		{ href: '/modules', label: 'Modules' },
		{ href: '/scenarios', label: 'Scenarios' },
		{ href: '/sessions', label: 'Sessions' },
		...(viewer.trainer ? [{ href: '/assess', label: 'Assess' }] : []),
		...(viewer.manager ? [{ href: '/manage', label: 'Manage' }] : []),
		...(viewer.insights ? [{ href: '/insights', label: 'Insights' }] : []),
		...(viewer.partnership ? [{ href: '/partnership', label: 'Partnership' }] : []),
		...(viewer.admin ? [{ href: '/admin', label: 'Admin' }] : []),
		{ href: '/account', label: 'Account' }
	];
}
