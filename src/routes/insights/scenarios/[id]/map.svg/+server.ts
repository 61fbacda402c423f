import { notFound, requireInsights } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { revalidatedResponse } from '$lib/server/http/revalidated';
import { scenarioMap } from '$lib/server/insights/page';
import type { RequestHandler } from './$types';

/** An SVG document with nothing to run or fetch: if opened on its own, it may do neither. */
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/**
 * The weighted map of /insights/scenarios/<id>, as an image of its own: the same scope, filters and disclosure
 * control as the page (the same cached figures). The browser keeps it and checks its ETag, so it is drawn and sent
 * once per change of the figures, not with every page.
 */
export const GET: RequestHandler = (event) => {
	const { scope } = requireInsights(event);
	const map = scenarioMap(getDb(), scope, event.params.id, event.url) ?? notFound();
	return revalidatedResponse(event.request, map.svg, map.etag, 'image/svg+xml; charset=utf-8', { 'content-security-policy': SVG_POLICY });
};
