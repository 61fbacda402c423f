import { supportEmail } from '$lib/server/public/contact';
import type { PageServerLoad } from './$types';

// Public: readable without signing in, as the accessibility regulations expect.
export const load: PageServerLoad = () => ({ contact: supportEmail(process.env) });
