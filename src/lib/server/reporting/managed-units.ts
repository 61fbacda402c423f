import { peopleScope, type Principal } from '../access/policy';
import type { Db } from '../db';
import { cachedRead } from '../db/read-cache';
import { listUnits } from '../people/organisations';

/** The units a manager's dashboard covers, and a plain description of the scope for the page heading. */
export function managedUnits(db: Db, user: Principal) {
	const scope = peopleScope(user);
	// Every unit, once until the next write: the same list for every manager.
	const units = cachedRead(db, 'units', () => listUnits(db)).filter((u) =>
		scope.kind === 'all' ? true : scope.kind === 'scoped' ? scope.organisationIds.includes(u.organisationId) || scope.unitIds.includes(u.id) : false
	);
	const organisations = [...new Set(units.map((u) => u.organisationName))];
	const describe =
		scope.kind === 'all'
			? 'Every organisation'
			: scope.kind === 'scoped' && scope.unitIds.length && !scope.organisationIds.length
				? units.map((u) => u.name).join(', ')
				: organisations.join(', ');
	return { scope, units, describe };
}
