import { describe, expect, it } from 'vitest';
import { readForm } from './read';

const post = (contentType: string, body: string) => new Request('http://localhost/x', { method: 'POST', headers: { 'content-type': contentType }, body });

describe('readForm', () => {
	it('reads a url-encoded form', async () => {
		const form = await readForm(post('application/x-www-form-urlencoded', 'a=1&a=2&b=%3Cscript%3E'));
		expect(form.getAll('a')).toEqual(['1', '2']);
		expect(form.get('b')).toBe('<script>');
	});

	it('answers 400, not a server error, for a body that is not a form', async () => {
		await expect(readForm(post('multipart/form-data; boundary=xyz', 'garbage'))).rejects.toMatchObject({ status: 400 });
		await expect(readForm(post('multipart/form-data', '--x\r\n'))).rejects.toMatchObject({ status: 400 });
		await expect(readForm(post('text/plain', 'a=1'))).rejects.toMatchObject({ status: 400 });
	});
});
