/**
 * For `use:enhance` on forms whose fields should keep what was typed after the post (an error to correct, or a saved
 * edit still shown): SvelteKit's default resets the form.
 */
export const keepValues =
	() =>
	async ({ update }: { update: (options?: { reset?: boolean }) => Promise<void> }) =>
		update({ reset: false });

type Update = (options?: { reset?: boolean }) => Promise<void>;

/**
 * For `use:enhance` on forms whose submit button is disabled while the post is in flight (a slow password hash should
 * not be sent twice): `setBusy(true)` as it goes, `setBusy(false)` once the page has the answer.
 */
export const whilePosting = (setBusy: (busy: boolean) => void, options?: { reset?: boolean }) => () => {
	setBusy(true);
	return async ({ update }: { update: Update }) => {
		await update(options);
		setBusy(false);
	};
};
