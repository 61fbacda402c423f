/** Real file headers for the certificate checks and uploads: a PDF, a PNG and a JPEG that open, and files that are not these. */
import { certificatePdf } from '../../scripts/demo/certificate-pdf';

export const PDF = certificatePdf(['Certificate of completion', 'Restraint Reduction Network certified course', 'Test Learner']);
/** A 1x1 PNG. */
export const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
/** A 1x1 JPEG (JFIF). */
export const JPEG = Uint8Array.from(
	Buffer.from(
		'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
		'base64'
	)
);
/** A Windows program's first bytes ("MZ" and the DOS stub), whatever it is named. */
export const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]);
export const HTML = new TextEncoder().encode('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
