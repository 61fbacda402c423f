import { isAdmin, isManager, isPartnershipLead, isTrainer } from '$lib/server/access/policy';
import type { LayoutServerLoad } from './$types';

/** Only what the navigation needs. Every page still authorises in its own load. */
export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		viewer: user
			? { name: user.name, admin: isAdmin(user), manager: isManager(user) || isAdmin(user), partnership: isPartnershipLead(user) || isAdmin(user), trainer: isTrainer(user) }
			: null
	};
};
