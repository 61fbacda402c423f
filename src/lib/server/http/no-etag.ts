/**
 * SvelteKit hashes the whole HTML of every page it renders in one piece, for an ETag (render_response, about 0.1 ms
 * of CPU for each 10 KB of page). A signed-in page goes out `Cache-Control: private, no-store`
 * (access/security-headers.ts), so no browser ever sends that ETag back: on the module page, 72 KB sent on every
 * view, the hash was about a tenth of the request's CPU. SvelteKit computes no ETag when the page's data streams,
 * which it does when the data holds a promise. This one is already settled: its part follows the page in the same
 * response at once, and nothing on the page reads it.
 */
export function skipPageHash(): { skipPageHash: Promise<null> } {
	return { skipPageHash: Promise.resolve(null) };
}
