import { requirePartnershipLead } from '$lib/server/access/guards';
import { getFramework } from '$lib/server/content';
import { londonToday } from '$lib/server/competency/dates';
import { readBorough } from '$lib/server/reporting/partnership';
import { partnershipPage } from '$lib/server/reporting/partnership-page';
import { ROUND_TO, SUPPRESS_UP_TO } from '$lib/server/reporting/disclosure';
import { getDb } from '$lib/server/db';
import { serverRendered } from '$lib/server-rendered';
import type { PageServerLoad } from './$types';

// A report: links and GET forms only, nothing a script improves. Served without client-side JavaScript, so the
// page's data is not also serialised into it for hydration (for a whole force, most of the cost of the page).
export const csr = false;

export const load: PageServerLoad = (event) => {
	requirePartnershipLead(event);
	// The trend and tables arrive rendered, the same all day for everyone (src/lib/server/reporting/partnership-page.ts).
	const page = partnershipPage(getDb(), getFramework(), londonToday(), readBorough(event.url));
	// Rendered on the server only: not serialised into the HTML as well (src/lib/server-rendered.ts).
	return { report: serverRendered(event, { suppressUpTo: SUPPRESS_UP_TO, roundTo: ROUND_TO, ...page }) };
};
