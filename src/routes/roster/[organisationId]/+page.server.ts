import { invalid } from '$lib/server/forms/respond';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { notFound, requireUser } from '$lib/server/access/guards';
import { canManageOrganisation } from '$lib/server/access/policy';
import { getDb } from '$lib/server/db';
import { appContent } from '$lib/server/assignments/page';
import { idParam } from '$lib/server/forms/query';
import { countingRosterImports } from '$lib/server/ops/app-metrics';
import { getOrganisation, listUnits } from '$lib/server/people/organisations';
import { applyForPage } from '$lib/server/roster/apply';
import { rosterImporter } from '$lib/server/roster/context';
import { checkRoster } from '$lib/server/roster/dry-run';
import { latestImport } from '$lib/server/roster/imports-store';
import { reportOf } from '$lib/server/roster/report';
import { readRosterUpload } from '$lib/server/roster/upload';
import { JOB_ROLES } from '$lib/organisation-model';
import type { Actions, PageServerLoad } from './$types';

/** The organisation in the address, if the signed-in person may import for it; anyone else gets 404. */
function authorise(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event);
	const id = idParam(event.params.organisationId ?? '');
	const organisation = id ? getOrganisation(getDb(), id) : undefined;
	if (!organisation || !canManageOrganisation(user, organisation.id)) notFound();
	return { user, organisation };
}

export const load: PageServerLoad = (event) => {
	const { organisation } = authorise(event);
	return {
		organisation: { id: organisation.id, name: organisation.name },
		units: listUnits(getDb(), organisation.id).map((u) => u.name),
		// The newest import: its progress while it applies, how it ended when the page was sent to it, or why it stopped.
		latest: latestImport(getDb(), organisation.id),
		shownImport: Number(event.url.searchParams.get('import')) || undefined,
		jobRoles: JOB_ROLES.map((r) => ({ id: r.id, label: r.label }))
	};
};

const refused = (field: 'form' | 'roster' | 'roster-again', message: string, values: Record<string, string> = {}, kept?: Record<string, unknown>) =>
	invalid({ [field]: message }, values, undefined, { kept });

export const actions: Actions = {
	/** The dry run: reads the file and shows what it would change. Writes nothing. */
	check: countingRosterImports('check', async (event) => {
		const { user, organisation } = authorise(event);
		const upload = await readRosterUpload(event.request);
		if (!upload.ok) return refused('roster', upload.message);
		const checked = await checkRoster(getDb(), organisation.id, upload.bytes, rosterImporter(user));
		if (!checked.ok) return refused('roster', checked.message);
		return { report: checked.report, fileName: upload.fileName };
	}),

	/**
	 * The file is uploaded again rather than kept on the server between the two steps: nothing to store, expire or
	 * clean up, and the apply re-reads and re-plans it from scratch. The fingerprint says which plan the person saw.
	 */
	apply: countingRosterImports('apply', async (event) => {
		const { user, organisation } = authorise(event);
		const upload = await readRosterUpload(event.request);
		if (!upload.ok && !upload.form) return refused('roster', upload.message);
		const fingerprint = String(upload.form?.get('fingerprint') ?? '');
		if (!/^[0-9a-f]{64}$/.test(fingerprint)) return refused('roster', 'Check the file before applying it.');
		if (!upload.ok) return refused('roster-again', upload.message, { fingerprint });
		const input = { actorId: user.id, importer: rosterImporter(user), organisationId: organisation.id, bytes: upload.bytes, fileName: upload.fileName };
		const outcome = await applyForPage(getDb(), appContent(), { ...input, fingerprint });
		if (outcome.kind === 'applied') return { applied: outcome.counts, fileName: upload.fileName, skippedLines: outcome.skippedLines };
		if (outcome.kind === 'applying') redirect(303, `/roster/${organisation.id}?import=${outcome.importId}`);
		if (outcome.dryRun) return refused('form', outcome.message, { fileName: upload.fileName }, { report: reportOf(outcome.dryRun) });
		return refused('roster', outcome.message);
	})
};
