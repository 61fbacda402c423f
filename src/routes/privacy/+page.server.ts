import { supportEmail } from '$lib/server/public/contact';
import type { PageServerLoad } from './$types';

// Public: people should be able to read how their data is used before they sign in.
export const load: PageServerLoad = () => ({ contact: supportEmail(process.env) });
