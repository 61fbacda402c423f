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

/** Reads /admin/audit's search parameters leniently. */
export function readAuditFilter(url: URL): AuditFilter {
	let from = dateParam(url, 'from');
	let to = dateParam(url, 'to');
	// A range typed back to front means the same days.
	if (from && to && from > to) [from, to] = [to, from];
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
	const params = new URLSearchParams();
	for (const key of ['action', 'entity', 'entityId', 'actor', 'from', 'to'] as const) {
		const value = filter[key];
		if (value) params.set(key, value);
	}
	return params;
}

/** Reads /admin/audit/reads's search parameters leniently, like the audit log's. */
export function readAccessFilter(url: URL): AccessFilter {
	let from = dateParam(url, 'from');
	let to = dateParam(url, 'to');
	if (from && to && from > to) [from, to] = [to, from];
	return { action: textParam(url, 'action', 60), actor: textParam(url, 'actor'), subject: textParam(url, 'subject'), from, to, page: intParam(url, 'page') };
}

/** The search parameters of an access log filter, without the page. */
export function accessFilterParams(filter: AccessFilter): URLSearchParams {
	const params = new URLSearchParams();
	for (const key of ['action', 'actor', 'subject', 'from', 'to'] as const) {
		const value = filter[key];
		if (value) params.set(key, value);
	}
	return params;
}
