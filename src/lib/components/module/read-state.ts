/**
 * Shows on each plain "I have read" form inside a module's Markdown whether its section is read: a
 * "Read ✓" note beside the button, which the button points to with aria-describedby. The forms are
 * static HTML compiled from the Markdown, so this runs in the browser; the contents list shows the
 * same state without JavaScript.
 */
export function showReadState(read: ReadonlySet<string>) {
	for (const form of document.querySelectorAll<HTMLFormElement>('form.mark-read[data-section-form]')) {
		const id = form.dataset.sectionForm!;
		const button = form.querySelector('button');
		if (!button) continue;
		let note = form.querySelector<HTMLElement>('.read-state');
		if (!read.has(id)) {
			note?.remove();
			button.removeAttribute('aria-describedby');
			continue;
		}
		if (!note) {
			note = document.createElement('span');
			note.className = 'read-state tag green';
			note.id = `${id}-read-state`;
			note.textContent = 'Read ✓';
			form.append(note);
		}
		button.setAttribute('aria-describedby', note.id);
	}
}
