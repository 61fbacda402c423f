import type { Framework } from '../../src/lib/server/competency/framework';
import { recordEvidence } from '../../src/lib/server/competency/ledger';
import type { Db } from '../../src/lib/server/db';

/** A person's own completion of a module (version 1) on a London day, recorded at 10:00 UTC that day: the usual evidence of dashboard and mail tests. */
export function completeModule(db: Db, framework: Framework, personId: number, module: string, day: string) {
	return recordEvidence(db, framework, { personId, source: { module }, version: '1', occurredOn: day, recordedBy: personId, at: new Date(`${day}T10:00:00Z`) });
}
