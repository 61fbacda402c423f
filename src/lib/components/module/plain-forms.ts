import { applyAction, deserialize } from '$app/forms';
import { invalidateAll } from '$app/navigation';

/** Where the module page shows its Markdown as HTML rendered on the server (not a hydrated component). */
export const SERVER_RENDERED_BODY = '[data-module-body="server"]';

/**
 * Progressive enhancement for the plain forms inside a module's Markdown: the "I have read" forms, and the reflection
 * forms where the Markdown is server-rendered HTML (elsewhere Reflection.svelte enhances its own). A submit event that
 * bubbles up from one of them is posted with fetch, so the page updates in place. Without JavaScript they post as usual.
 */
export async function enhancePlainForms(event: SubmitEvent) {
	const target = event.target as HTMLFormElement;
	const reflection = target.matches('.reflection form') && !!target.closest(SERVER_RENDERED_BODY);
	if (event.defaultPrevented || !(target.matches('form.mark-read') || reflection)) return;
	event.preventDefault();
	const response = await fetch(target.action, { method: 'POST', body: new FormData(target), headers: { 'x-sveltekit-action': 'true' } });
	const result = deserialize(await response.text());
	// As use:enhance does; the reflection's box keeps what was typed, since server-rendered HTML is never rendered again.
	if (result.type === 'redirect' || (reflection && result.type === 'success')) await invalidateAll();
	await applyAction(result);
}

/** "Reflection saved." beside the reflection just saved, in server-rendered Markdown (Reflection.svelte does it elsewhere). */
export function showSavedReflection(saved: string | null) {
	for (const status of document.querySelectorAll<HTMLElement>(`${SERVER_RENDERED_BODY} [data-reflection-saved]`))
		status.textContent = status.dataset.reflectionSaved === saved ? 'Reflection saved.' : '';
}
