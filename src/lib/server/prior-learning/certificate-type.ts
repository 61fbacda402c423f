/**
 * What a certificate file is, read from its first bytes (its signature), never from its name or the type the browser
 * claims: both are whatever the sender says. Three signatures are all we accept, so a few lines here do what a
 * general file-type library would, without a dependency.
 */
export const CERTIFICATE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

/** The largest certificate accepted: 5 MB (the server takes request bodies up to 6 MB, BODY_SIZE_LIMIT). */
export const MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024;

const SIGNATURES: [CertificateType, number[]][] = [
	// "%PDF-"
	['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
	// PNG: \x89 "PNG" \r \n \x1a \n
	['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
	// JPEG: start of image, then the first marker's 0xFF
	['image/jpeg', [0xff, 0xd8, 0xff]]
];

/** The file's type by its signature, or null when it is none of the three (an empty file is none). */
export function certificateType(bytes: Uint8Array): CertificateType | null {
	for (const [type, signature] of SIGNATURES) if (bytes.length > signature.length && signature.every((b, i) => bytes[i] === b)) return type;
	return null;
}

/** The file extension a download is named with, from the checked type. */
export const CERTIFICATE_EXTENSION: Record<CertificateType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };
