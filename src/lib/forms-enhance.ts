/**
 * For `use:enhance` on forms whose fields should keep what was typed after the post (an error to correct, or a saved
 * edit still shown): SvelteKit's default resets the form.
 */
export const keepValues =
	() =>
	async ({ update }: { update: (options?: { reset?: boolean }) => Promise<void> }) =>
		update({ reset: false });
