import fc from 'fast-check';
import { certificatePdf } from '../../scripts/demo/certificate-pdf';
import type { FilePart } from './http';
import { fileFields } from './payloads';

const PDF = certificatePdf(['Fuzzed certificate']);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A certificate upload: a real PDF or PNG, or something that only claims to be one (by its name or its type), or nothing. */
const certificate: fc.Arbitrary<FilePart> = fc.record({
	filename: fc.oneof(
		fc.constantFrom('certificate.pdf', 'scan.png', 'virus.exe', 'page.html', '../../etc/passwd', 'a\u202Efdp.exe', '<img src=x onerror=alert(1)>.pdf', ''),
		fc.string({ maxLength: 20 })
	),
	type: fc.constantFrom('application/pdf', 'image/png', 'image/jpeg', 'text/html', 'application/octet-stream'),
	bytes: fc.oneof(
		{ weight: 3, arbitrary: fc.constant(PDF) },
		{ weight: 2, arbitrary: fc.constant(new Uint8Array(PNG)) },
		{ weight: 1, arbitrary: fc.constant(new TextEncoder().encode('<html><script>alert(1)</script></html>')) },
		{ weight: 1, arbitrary: fc.constant(Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03])) },
		{ weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
		{ weight: 1, arbitrary: fc.constant(new TextEncoder().encode('%PDF-')) },
		{ weight: 1, arbitrary: fc.constant(new Uint8Array()) }
	)
});

/** The file fields of a claim. */
export const certificateFiles = fileFields('certificate', certificate);
