import { intParam, textParam } from '../forms/query';
import type { AccessFilter } from './access-log';
import type { AuditFilter } from './browse';

/** A real calendar date in YYYY-MM-DD, or nothing: 2026-02-30 is treated as absent, like any malformed parameter. */
function dateParam(url: URL, name: string): string | undefined {
	const raw = url.searchParams.get(name)?.trim();
	if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
	const [y, m, d] = raw.split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? raw : undefined;
}

/** The from and to days of either log's filter; a range typed back to front means the same days. */
function dayRange(url: URL): { from?: string; to?: string } {
	const from = dateParam(url, 'from');
	const to = dateParam(url, 'to');
	return from && to && from > to ? { from: to, to: from } : { from, to };
}

/** The named text fields of a filter that are set, in that order. */
function paramsOf<F extends object>(filter: F, keys: readonly (keyof F & string)[]): URLSearchParams {
	const params = new URLSearchParams();
	for (const key of keys) {
		const value = filter[key];
		if (typeof value === 'string' && value) params.set(key, value);
	}
	return params;
}

/** Reads /admin/audit's search parameters leniently. */
export function readAuditFilter(url: URL): AuditFilter {
	const { from, to } = dayRange(url);
	const entity = textParam(url, 'entity', 60);
	return {
		action: textParam(url, 'action', 60),
		entity,
		entityId: entity ? textParam(url, 'entityId', 60) : undefined,
		actor: textParam(url, 'actor'),
		from,
		to,
		page: intParam(url, 'page')
	};
}

/** The search parameters of a filter, without the page, so that pagination links keep the filter. */
export function auditFilterParams(filter: AuditFilter): URLSearchParams {
	return paramsOf(filter, ['action', 'entity', 'entityId', 'actor', 'from', 'to']);
}

/** Reads /admin/audit/reads's search parameters leniently, like the audit log's. */
export function readAccessFilter(url: URL): AccessFilter {
	const { from, to } = dayRange(url);
	return { action: textParam(url, 'action', 60), actor: textParam(url, 'actor'), subject: textParam(url, 'subject'), from, to, page: intParam(url, 'page') };
}

/** The search parameters of an access log filter, without the page. */
export function accessFilterParams(filter: AccessFilter): URLSearchParams {
	return paramsOf(filter, ['action', 'actor', 'subject', 'from', 'to']);
}
