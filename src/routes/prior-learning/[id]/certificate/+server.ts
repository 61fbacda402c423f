import { requireCanSee, requireUser } from '$lib/server/access/guards';
import { recordAccess } from '$lib/server/audit/access-log';
import { getDb } from '$lib/server/db';
import { idParam } from '$lib/server/forms/query';
import { CERTIFICATE_EXTENSION } from '$lib/server/prior-learning/certificate-type';
import { certificateOf } from '$lib/server/prior-learning/claims-store';
import type { RequestHandler } from './$types';

/**
 * The certificate, only to people who may see its person (404 otherwise). Always a download, of the type checked when
 * it was uploaded, never sniffed or cached: a browser must not render a crafted file as a page of this site.
 */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const id = idParam(event.params.id);
	const db = getDb();
	const certificate = id ? certificateOf(db, id) : undefined;
	requireCanSee(user, certificate?.person);
	const { file, fileType, person } = certificate!;
	if (person.id !== user.id) recordAccess(db, { actorId: user.id, action: 'certificate-download', subjectId: person.id, detail: { claimId: id } });
	return new Response(new Uint8Array(file), {
		headers: {
			'Content-Type': fileType,
			'Content-Length': String(file.length),
			'Content-Disposition': `attachment; filename="prior-learning-${id}.${CERTIFICATE_EXTENSION[fileType]}"`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store'
		}
	});
};
