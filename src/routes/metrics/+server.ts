import { error } from '@sveltejs/kit';
import { metricsAccess } from '$lib/server/ops/metrics-access';
import { scrapeMetrics } from '$lib/server/ops/metrics';
import type { RequestHandler } from './$types';

/** Prometheus text format; 404 unless METRICS_TOKEN is set, then 401 without `Authorization: Bearer <token>`. */
export const GET: RequestHandler = async ({ request }) => {
	const access = metricsAccess(process.env.METRICS_TOKEN, request.headers.get('authorization'));
	if (access === 'off') error(404, 'Not Found');
	if (access === 'refused')
		return new Response('A metrics token is needed.\n', {
			status: 401,
			headers: { 'www-authenticate': 'Bearer realm="metrics"', 'cache-control': 'no-store' }
		});
	const metrics = await scrapeMetrics();
	if (!metrics)
		return new Response('The metrics could not be gathered just now; try again.\n', {
			status: 503,
			headers: { 'cache-control': 'no-store' }
		});
	return new Response(metrics.text, { headers: { 'content-type': metrics.contentType, 'cache-control': 'no-store' } });
};
