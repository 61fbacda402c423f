import { MAX_FILE_BYTES, TOO_BIG_MESSAGE } from './format';

export type Upload = { ok: true; bytes: Uint8Array; fileName: string; form: FormData } | { ok: false; message: string; form?: FormData };

/** Reads the multipart form of a roster upload: the file in the field `roster`, and the rest of the form. */
export async function readRosterUpload(request: Request): Promise<Upload> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch (e) {
		// adapter-node refuses bodies over BODY_SIZE_LIMIT while they are read; say so rather than show an error page.
		if ((e as { status?: number }).status === 413) return { ok: false, message: TOO_BIG_MESSAGE };
		return { ok: false, message: 'The upload could not be read. Choose the file and try again.' };
	}
	const file = form.get('roster');
	if (!(file instanceof File) || (file.size === 0 && file.name === '')) return { ok: false, message: 'Choose the CSV file of your staff roster.', form };
	if (file.size > MAX_FILE_BYTES) return { ok: false, message: TOO_BIG_MESSAGE, form };
	return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()), fileName: cleanFileName(file.name), form };
}

/** The file name as the browser gave it, fit to show and to keep in the audit log. */
function cleanFileName(name: string) {
	const clean = name.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim();
	return (clean.length > 120 ? `${clean.slice(0, 117)}…` : clean) || 'roster.csv';
}
