import { describe, expect, it } from 'vitest';
import { EXE, HTML, JPEG, PDF, PNG } from '$testing/certificates';
import { certificateType } from './certificate-type';

describe('certificateType', () => {
	it('knows a PDF, a PNG and a JPEG by their first bytes', () => {
		expect(certificateType(PDF)).toBe('application/pdf');
		expect(certificateType(PNG)).toBe('image/png');
		expect(certificateType(JPEG)).toBe('image/jpeg');
	});

	it('refuses a program or a web page, whatever the file would be called', () => {
		expect(certificateType(EXE)).toBeNull();
		expect(certificateType(HTML)).toBeNull();
	});

	it('refuses an empty file, and one that is only a signature', () => {
		expect(certificateType(new Uint8Array())).toBeNull();
		expect(certificateType(new TextEncoder().encode('%PDF-'))).toBeNull();
		expect(certificateType(Uint8Array.from([0xff, 0xd8]))).toBeNull();
	});

	it('reads the signature at the start only: a PDF header later in the file does not count', () => {
		expect(certificateType(new TextEncoder().encode(' %PDF-1.4\n'))).toBeNull();
		expect(certificateType(new TextEncoder().encode('<html>%PDF-1.4'))).toBeNull();
	});

	it('the demo certificate is a complete PDF: its cross-reference offsets point at its objects', () => {
		const text = new TextDecoder().decode(PDF);
		expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
		const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1]);
		expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
		const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
		expect(offsets).toHaveLength(5);
		offsets.forEach((offset, i) => expect(text.slice(offset)).toMatch(new RegExp(`^${i + 1} 0 obj`)));
	});
});
