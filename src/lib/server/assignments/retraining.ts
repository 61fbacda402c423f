/**
 * Retraining when content changes: a module whose frontmatter declares a major change (`majorChange`) is assigned,
 * by the academy, to everyone active whose job role the module is for and whose latest completion of it is on an
 * earlier major version, due by its retrain-by date, one assignment per organisation (so each organisation's
 * managers see their own progress). Run at start-up and every ten minutes; idempotent: an assignment is made once
 * (its system key) and only people not yet on it are added.
 */
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { connectionOf } from '../db/prepared';
import type { ModuleFrontmatter } from '../modules/schema';
import { majorOf } from './rules';
import { insertAssignment } from './store';
import type { AssignmentContent } from './titles';

export type ChangedModule = { slug: string; meta: Pick<ModuleFrontmatter, 'audience' | 'version' | 'majorChange'> };

/** Who needs retraining on a module, by organisation: active, in its audience, latest completion on an earlier major version. */
function needingRetraining(db: Db, module: ChangedModule, major: number): Map<number, number[]> {
	const rows = connectionOf(db)
		.prepare(
			`select p.id, p.organisation_id as organisationId, mc.module_version as version
			 from module_completions mc join people p on p.id = mc.person_id
			 where mc.module_slug = @slug and p.status = 'active' and p.job_role in (select value from json_each(@roles))
			   and mc.completed_at = (select max(m2.completed_at) from module_completions m2 where m2.person_id = mc.person_id and m2.module_slug = mc.module_slug)
			 order by p.id`
		)
		.all({ slug: module.slug, roles: JSON.stringify(module.meta.audience) }) as { id: number; organisationId: number; version: string }[];
	const byOrganisation = new Map<number, number[]>();
	for (const r of rows) {
		if ((majorOf(r.version) ?? 0) >= major) continue;
		let list = byOrganisation.get(r.organisationId);
		if (!list) byOrganisation.set(r.organisationId, (list = []));
		if (!list.includes(r.id)) list.push(r.id);
	}
	return byOrganisation;
}

/** Assigns every declared major change to those who need it; returns how many people were newly reached. */
export function assignRetraining(db: Db, content: AssignmentContent, modules: readonly ChangedModule[], now = new Date()): number {
	let reached = 0;
	for (const module of modules) {
		const change = module.meta.majorChange;
		if (!change) continue;
		const needing = needingRetraining(db, module, change.version);
		if (!needing.size) continue;
		db.transaction((tx) => {
			for (const [organisationId, people] of needing) {
				const systemKey = `content:module:${module.slug}:${change.version}:organisation:${organisationId}`;
				const existing = connectionOf(tx).prepare('select id from assignments where system_key = ?').pluck().get(systemKey) as number | undefined;
				const made = insertAssignment(
					tx,
					content,
					{
						what: { kind: 'module', ref: module.slug },
						targetKind: 'content-change',
						targetPersonId: null,
						jobRole: null,
						organisationId,
						unitId: null,
						dueOn: change.retrainBy,
						reason: `Content changed: ${change.whatChanged}`,
						minVersion: change.version,
						systemKey,
						createdBy: null
					},
					people,
					now,
					{ existingId: existing }
				);
				if (made.reached)
					appendAudit(tx, {
						actorId: null,
						action: existing === undefined ? 'assignment-create' : 'assignment-reach',
						entity: 'assignment',
						entityId: made.id,
						detail: { retraining: module.slug, version: change.version, retrainBy: change.retrainBy, people: made.reached },
						at: now
					});
				reached += made.reached;
			}
		});
	}
	return reached;
}
