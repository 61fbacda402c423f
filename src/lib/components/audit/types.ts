import type { DetailLine } from '$lib/server/audit/detail-text';

/** One audit entry as the page shows it: times already in London time (src/routes/admin/audit/+page.server.ts). */
export type AuditEntryView = {
	id: number;
	iso: string;
	when: string;
	actor: string;
	/** The actor's administration page. */
	actorHref?: string;
	action: string;
	entity: string;
	entityId: string | null;
	/** The administration page of the record the entry is about, when it has one. */
	entityHref?: string;
	detail: DetailLine[];
};

/** The latest check of the hash chain: intact, or the first entry that breaks it. */
export type AuditChainView =
	| { ok: true; entries: number; checkedAt: string }
	| { ok: false; entries: number; checkedAt: string; brokenAt: number; when: string; day: string; action: string; reason: string };
