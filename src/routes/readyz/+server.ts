import { json } from '@sveltejs/kit';
import { checkReadiness } from '$lib/server/ops/readiness';
import type { RequestHandler } from './$types';

/** Readiness: 200 when every check passes (database, migrations, background work), else 503; each check's answer in the body. */
export const GET: RequestHandler = async () => {
	const report = await checkReadiness();
	return json(report, { status: report.status === 'ready' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
