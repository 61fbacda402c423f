import type { SessionValidationResult } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionValidationResult['user'];
			session: SessionValidationResult['session'];
			/** Set by the first handle (src/lib/server/ops/request-log.ts); sent back in X-Request-Id. */
			requestId?: string;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
