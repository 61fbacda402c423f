import type { ChainStatus } from './chain-status';
import { formatLondonTime, londonDay } from '../../london-time';

/**
 * The chain status as the audit page words it: what was checked and found intact, and what the check cannot see.
 * The wording follows exactly what verifyAuditChain checks (docs/audit.md), no more.
 */
export type ChainSummary =
	| { ok: true; checkedAt: string; entries: number; keyed: string; evidence: string; checkpoints: string; limits: string[] }
	| {
			ok: false;
			checkedAt: string;
			unverifiable: boolean;
			/** The audit entry where the problem shows, when there is one. */
			entry: { id: number; when: string; day: string; action: string } | null;
			reason: string;
	  };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function chainSummary(status: ChainStatus): ChainSummary {
	const checkedAt = formatLondonTime(status.checkedAt);
	if (!status.ok) {
		return {
			ok: false,
			checkedAt,
			unverifiable: status.unverifiable === true,
			entry:
				status.brokenAt !== null && status.at
					? { id: status.brokenAt, when: formatLondonTime(status.at), day: londonDay(status.at), action: status.action ?? '' }
					: null,
			reason: status.reason
		};
	}
	const { keyedFrom, entries } = status;
	const keyed =
		keyedFrom === null
			? 'No entry is signed with the audit key yet.'
			: keyedFrom === 1
				? 'Every entry is signed with a key kept outside the database, so no one who has only the database can change or add one without it showing.'
				: `Entries from #${keyedFrom} on are signed with a key kept outside the database. The ${plural(keyedFrom - 1, 'entry', 'entries')} written before the key was introduced are sealed by entry #${keyedFrom}: a change to them since then shows, a change made before then cannot.`;
	const evidence = `${plural(status.evidenceRows, 'evidence record matches', 'evidence records match')} the audit ${status.evidenceRows === 1 ? 'entry' : 'entries'} that recorded ${status.evidenceRows === 1 ? 'it' : 'them'}, every evidence record has one, and every one recorded is there.`;
	const newest = status.checkpoints?.newest;
	const checkpoints = !status.checkpointFile
		? 'There is no checkpoint file yet, so deleting the newest entries would not show here.'
		: newest
			? `The log reaches and matches every checkpoint in ${status.checkpointFile} (${plural(status.checkpoints!.matched, 'checkpoint', 'checkpoints')}); the newest, of ${formatLondonTime(newest.at)}, is at entry #${newest.lastId}.`
			: `The checkpoint file ${status.checkpointFile} holds no checkpoint yet, so deleting the newest entries would not show here.`;
	const limits = [
		'Entries written after the newest checkpoint being deleted, together with the evidence they record, by someone who also resets the database’s id counter. Checkpoints kept off this server (docs/audit.md) limit this to the last ten minutes.',
		'Changes by someone who holds the audit key as well as the database.',
		'Changes made directly in the database to records other than the audit log and the evidence ledger (people, role grants, module completions, knowledge-check answers, scenario runs, assessments): their audit entries are intact, but the records are not compared with them.',
		'A checkpoint file that was itself deleted, or replaced with an older copy.'
	];
	if (keyedFrom !== null && keyedFrom > 1) limits.push(`Changes made to entries #1 to #${keyedFrom - 1} before the key was introduced.`);
	return { ok: true, checkedAt, entries, keyed, evidence, checkpoints, limits };
}
