import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { canSeePerson, insightsScope, isAdmin, isManager, isPartnershipLead, isTrainer, type PersonRef, type Principal } from './policy';

/** Every protected load and action starts here. Visitors go to sign-in and come back. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): Principal {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	return user;
}

/** Out-of-scope answers 404, so that the existence of a record or page is not revealed. */
export function notFound(): never {
	error(404, 'Not found');
}

export function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>): Principal {
	const user = requireUser(event);
	if (!isAdmin(user)) notFound();
	return user;
}

export function requireManager(event: Pick<RequestEvent, 'locals' | 'url'>): Principal {
	const user = requireUser(event);
	if (!isAdmin(user) && !isManager(user)) notFound();
	return user;
}

export function requirePartnershipLead(event: Pick<RequestEvent, 'locals' | 'url'>): Principal {
	const user = requireUser(event);
	if (!isAdmin(user) && !isPartnershipLead(user)) notFound();
	return user;
}

export function requireCanSee(user: Principal, target: PersonRef | undefined): PersonRef {
	if (!target || !canSeePerson(user, target)) notFound();
	return target;
}

export function requireTrainer(event: Pick<RequestEvent, 'locals' | 'url'>): Principal {
	const user = requireUser(event);
	if (!isTrainer(user)) notFound();
	return user;
}

/** /insights: trainers, training managers and administrators, with the scope their figures are counted over. */
export function requireInsights(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = requireUser(event);
	const scope = insightsScope(user);
	if (!scope) notFound();
	return { user, scope };
}
