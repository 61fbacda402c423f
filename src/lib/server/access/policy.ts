import type { SessionUser } from '../auth/session';

/** Who is asking: the signed-in person and their access-role grants. */
export type Principal = SessionUser;

/** The part of a person record that decides who may see it. */
export type PersonRef = { id: number; organisationId: number; unitId: number };

/** The people a principal may see at person level. */
export type PeopleScope = { kind: 'all' } | { kind: 'scoped'; organisationIds: number[]; unitIds: number[] } | { kind: 'self'; personId: number };

export const isAdmin = (p: Principal) => p.grants.some((g) => g.role === 'admin');
export const isPartnershipLead = (p: Principal) => p.grants.some((g) => g.role === 'partnership-lead');
export const isTrainer = (p: Principal) => p.grants.some((g) => g.role === 'trainer');

/** Organisations and units a principal manages (training manager grants). */
export function managedScope(p: Principal) {
	const organisationIds: number[] = [];
	const unitIds: number[] = [];
	for (const g of p.grants) {
		if (g.role !== 'manager') continue;
		if (g.unitId != null) unitIds.push(g.unitId);
		else if (g.organisationId != null) organisationIds.push(g.organisationId);
	}
	return { organisationIds, unitIds };
}

export function isManager(p: Principal) {
	const s = managedScope(p);
	return s.organisationIds.length > 0 || s.unitIds.length > 0;
}

/**
 * Person-level visibility. Partnership leads see only aggregates, so they get no one but themselves.
 * Trainers see people only through the assessment screens, which check `canAssess`.
 */
export function peopleScope(p: Principal): PeopleScope {
	if (isAdmin(p)) return { kind: 'all' };
	const s = managedScope(p);
	if (s.organisationIds.length || s.unitIds.length) return { kind: 'scoped', ...s };
	return { kind: 'self', personId: p.id };
}

export function canSeePerson(p: Principal, target: PersonRef): boolean {
	if (target.id === p.id) return true;
	const scope = peopleScope(p);
	switch (scope.kind) {
		case 'all':
			return true;
		case 'scoped':
			return scope.organisationIds.includes(target.organisationId) || scope.unitIds.includes(target.unitId);
		case 'self':
			return false;
	}
}

/** A trainer may record an observed assessment for anyone else in an organisation they train for. */
export function canAssess(p: Principal, target: PersonRef): boolean {
	if (target.id === p.id) return false;
	return p.grants.some((g) => g.role === 'trainer' && g.organisationId === target.organisationId);
}

/** The people a trainer may find to assess: everyone in the organisations they train for. */
export function trainerScope(p: Principal): PeopleScope {
	const organisationIds = p.grants.filter((g) => g.role === 'trainer' && g.organisationId != null).map((g) => g.organisationId!);
	return { kind: 'scoped', organisationIds, unitIds: [] };
}

/** Roster import and organisation-wide management: administrators and organisation managers. */
export function canManageOrganisation(p: Principal, organisationId: number): boolean {
	return isAdmin(p) || managedScope(p).organisationIds.includes(organisationId);
}

/**
 * The organisations whose practical sessions a principal may schedule and run: those they train for and those they
 * manage as a whole. Administrators run any (`all`).
 */
export function sessionOrganisations(p: Principal): 'all' | number[] {
	if (isAdmin(p)) return 'all';
	const ids = new Set<number>();
	for (const g of p.grants) if ((g.role === 'trainer' || (g.role === 'manager' && g.unitId == null)) && g.organisationId != null) ids.add(g.organisationId);
	return [...ids];
}

export function canScheduleSessions(p: Principal): boolean {
	const orgs = sessionOrganisations(p);
	return orgs === 'all' || orgs.length > 0;
}

/** Whether a principal may edit, cancel and see every booking of a session the organisation runs. */
export function canRunSession(p: Principal, organisationId: number): boolean {
	const orgs = sessionOrganisations(p);
	return orgs === 'all' || orgs.includes(organisationId);
}

/** Prior learning is recorded by the person themselves or by anyone who may see them (a manager in scope, an administrator). */
export const canRecordPriorLearning = (p: Principal, target: PersonRef) => canSeePerson(p, target);

/**
 * Who decides a prior learning claim: an administrator or a manager in scope, never the person it is for and never
 * the one who submitted it (no one approves their own claim, or one they made for someone else).
 */
export function canReviewPriorLearning(p: Principal, target: PersonRef, submittedBy: number): boolean {
	if (target.id === p.id || submittedBy === p.id) return false;
	return (isAdmin(p) || isManager(p)) && canSeePerson(p, target);
}

/**
 * The people whose runs and attempts a principal may see added up on /insights: everyone for administrators; the
 * organisations and units they manage, and the organisations they train for. Null when they may not use /insights
 * (learners, partnership leads).
 */
export function insightsScope(p: Principal): Exclude<PeopleScope, { kind: 'self' }> | null {
	if (isAdmin(p)) return { kind: 'all' };
	const managed = managedScope(p);
	const trained = trainerScope(p);
	const organisationIds = [...new Set([...managed.organisationIds, ...(trained.kind === 'scoped' ? trained.organisationIds : [])])];
	if (organisationIds.length === 0 && managed.unitIds.length === 0) return null;
	return { kind: 'scoped', organisationIds, unitIds: managed.unitIds };
}

export const mayViewInsights = (p: Principal) => insightsScope(p) !== null;

/**
 * Learners' free-text survey answers: content owners and administrators only, never trainers or managers (answers
 * are anonymous to managers, and a comment can name its writer). There is no content-owner access role yet, so
 * for now that means administrators.
 */
export const mayReadSurveyComments = (p: Principal) => isAdmin(p);
