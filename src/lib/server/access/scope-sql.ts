/**
 * The one translation of a people scope (policy.ts `PeopleScope`) into SQL, for people lists and for the
 * dashboard aggregates alike. A scope that names no organisation and no unit sees no one: drizzle's `or()` of
 * nothing is "no condition", which would have let it see everyone.
 */
import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { people } from '../db/schema';
import type { PeopleScope } from './policy';

/** The columns that say whose a row is. Aggregate tables have no person column. */
export type ScopeColumns = { organisationId: SQLiteColumn; unitId: SQLiteColumn; personId?: SQLiteColumn };

const PEOPLE_COLUMNS: ScopeColumns = { organisationId: people.organisationId, unitId: people.unitId, personId: people.id };

/** A condition no row meets (portable: PostgreSQL wants a boolean, not 0). */
const NO_ROWS = sql`1 = 0`;

/**
 * The condition that keeps a query inside a scope: undefined (no filter) for everyone, the person's own rows
 * for `self`, rows of the named organisations or units for `scoped`, and no rows when it names none.
 * Over the people table unless other columns are given.
 */
export function scopeCondition(scope: PeopleScope, columns: ScopeColumns = PEOPLE_COLUMNS): SQL | undefined {
	switch (scope.kind) {
		case 'all':
			return undefined;
		case 'self':
			// An aggregate cannot answer for one person; a caller reading one must count that person's rows instead.
			if (!columns.personId) throw new Error('A single person’s scope needs a person column: read their own rows, not an aggregate.');
			return eq(columns.personId, scope.personId);
		case 'scoped': {
			const parts: SQL[] = [];
			if (scope.organisationIds.length) parts.push(inArray(columns.organisationId, scope.organisationIds));
			if (scope.unitIds.length) parts.push(inArray(columns.unitId, scope.unitIds));
			return parts.length ? or(...parts) : NO_ROWS;
		}
	}
}

/**
 * The same scope as named parameters, for a statement prepared once and run for any scope (see
 * `scopeParameterCondition`). A single person's scope is not supported here: such statements read whole units.
 */
export function scopeParameters(scope: Exclude<PeopleScope, { kind: 'self' }>) {
	return {
		all: scope.kind === 'all' ? 1 : 0,
		organisations: JSON.stringify(scope.kind === 'scoped' ? scope.organisationIds : []),
		units: JSON.stringify(scope.kind === 'scoped' ? scope.unitIds : [])
	};
}

/** The condition `scopeParameters` drive, over the given organisation and unit columns; empty lists match no rows. */
export function scopeParameterCondition(organisationColumn: string, unitColumn: string): string {
	return `(@all or ${organisationColumn} in (select value from json_each(@organisations)) or ${unitColumn} in (select value from json_each(@units)))`;
}
