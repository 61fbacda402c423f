import { z } from 'zod';
import { DIGEST_FREQUENCIES } from './preferences';

/** The email preferences form on /account. */
export const emailPreferencesInput = z.object({ digest: z.enum(DIGEST_FREQUENCIES, { error: 'Choose how often to get the digest.' }) });
