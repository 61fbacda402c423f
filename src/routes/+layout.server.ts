import { isAdmin, isManager, isPartnershipLead, isTrainer, mayViewInsights } from '$lib/server/access/policy';
import { getDb } from '$lib/server/db';
import { unreadCount } from '$lib/server/mail/notifications';
import type { LayoutServerLoad } from './$types';

/** Only what the navigation needs. Every page still authorises in its own load. */
export const load: LayoutServerLoad = ({ locals, url }) => {
	const user = locals.user;
	return {
		viewer: user
			? {
					name: user.name,
					admin: isAdmin(user),
					manager: isManager(user) || isAdmin(user),
					partnership: isPartnershipLead(user) || isAdmin(user),
					trainer: isTrainer(user),
					insights: mayViewInsights(user),
					// One indexed count; the notifications page marks everything read, so it shows none there.
					unread: url.pathname === '/notifications' ? 0 : unreadCount(getDb(), user.id)
				}
			: null
	};
};
