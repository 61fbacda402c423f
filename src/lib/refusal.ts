/** What a form action answers when it refuses input (src/lib/server/forms/respond.ts `invalid`). */
export type Refusal = {
	errors: Record<string, string>;
	values: Record<string, string>;
	action?: string;
	kept?: Record<string, unknown>;
};

/** The refusal in a page's `form`, if it is one (and, when `action` is named, if it is that form's). */
export function refusal(form: unknown, action?: string): Refusal | null {
	if (!form || typeof form !== 'object' || !('errors' in form) || !('values' in form)) return null;
	const refused = form as Refusal;
	return action === undefined || refused.action === action ? refused : null;
}

/** For a page with several forms: the errors and the values refused to the one named (undefined for the others). */
export function refusalsOf(form: unknown) {
	return {
		errorsFor: (action: string) => refusal(form, action)?.errors,
		valuesFor: (action: string) => refusal(form, action)?.values
	};
}
