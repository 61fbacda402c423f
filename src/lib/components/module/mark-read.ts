import { applyAction, deserialize } from '$app/forms';
import { invalidateAll } from '$app/navigation';

/**
 * Progressive enhancement for the plain "I have read" forms inside the Markdown: a submit event that bubbles up from
 * one of them is posted with fetch, so the page updates in place. Without JavaScript the form posts as usual.
 */
export async function markRead(event: SubmitEvent) {
	const target = event.target as HTMLFormElement;
	if (!target.matches('form.mark-read')) return;
	event.preventDefault();
	const response = await fetch(target.action, { method: 'POST', body: new FormData(target), headers: { 'x-sveltekit-action': 'true' } });
	const result = deserialize(await response.text());
	if (result.type === 'redirect') await invalidateAll();
	await applyAction(result);
}
