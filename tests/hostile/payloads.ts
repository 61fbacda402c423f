import fc from 'fast-check';
import type { Body, FilePart } from './http';

/** Strings an attacker or a careless paste would send. */
export const HOSTILE = [
	"' OR '1'='1",
	'1; DROP TABLE people; --',
	"'); DELETE FROM audit_log; --",
	'" onmouseover="alert(1)',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'</textarea><script>alert(1)</script>',
	'javascript:alert(1)',
	'{{constructor.constructor("alert(1)")()}}',
	'${7*7}',
	'%00',
	'\u0000',
	'a\u0000b',
	'\u202Eevil.exe\u202C',
	'مرحبا بالعالم',
	'שלום עולם',
	'\uFEFFname',
	'\uD800',
	'😀'.repeat(40),
	'=SUM(A1)',
	'+cmd|calc',
	'@import',
	'-1',
	'0',
	'1e309',
	'NaN',
	'Infinity',
	'9007199254740993',
	'0x1F',
	' 12 ',
	'null',
	'undefined',
	'[]',
	'{}',
	'__proto__',
	'constructor',
	'../../etc/passwd',
	'a\r\nb',
	'\t',
	'x'.repeat(10_001)
];

/** One megabyte of text, mostly ASCII so that, URL-encoded, it stays under the 6 MB body limit and reaches the app. */
const MEGABYTE = ('<b>x</b>\u202E' + 'lorem ipsum '.repeat(20)).repeat(5000).slice(0, 1_048_576);

const controlChars = fc.string({
	unit: fc
		.integer({ min: 0, max: 0x9f })
		.filter((c) => c < 0x20 || c >= 0x7f)
		.map((c) => String.fromCharCode(c)),
	minLength: 1,
	maxLength: 8
});

/** A value for a field: mostly what the form offers, often hostile, sometimes anything at all. */
export function valueFor(samples: string[]): fc.Arbitrary<string> {
	const offered = samples.length ? fc.constantFrom(...samples) : fc.constant('');
	return fc.oneof(
		{ weight: 5, arbitrary: offered },
		{ weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
		{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
		{ weight: 1, arbitrary: controlChars },
		{ weight: 1, arbitrary: fc.tuple(offered, fc.constantFrom(...HOSTILE), controlChars).map(([a, b, c]) => a + b + c) },
		{ weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
		{ weight: 1, arbitrary: fc.constantFrom('', ' ', '\n') }
	);
}

/** A field given once (usually), left out, or repeated with different values. */
const field = (name: string, samples: string[]): fc.Arbitrary<[string, string][]> =>
	fc.oneof(
		{ weight: 7, arbitrary: valueFor(samples).map((v): [string, string][] => [[name, v]]) },
		{ weight: 2, arbitrary: fc.constant<[string, string][]>([]) },
		{ weight: 1, arbitrary: fc.array(valueFor(samples), { minLength: 2, maxLength: 4 }).map((vs) => vs.map((v): [string, string] => [name, v])) }
	);

const strayName = fc.oneof(
	fc.constantFrom('__proto__', 'constructor', 'prototype', '', 'id', 'personId', 'organisationId', 'role', 'status', 'admin', 'a[]', 'a.b'),
	fc.string({ maxLength: 12 })
);

/** All the fields of a form, plus a few it does not have; now and then one value becomes a megabyte. */
export function formEntries(fields: Record<string, string[]>): fc.Arbitrary<[string, string][]> {
	return fc
		.tuple(
			fc.tuple(...Object.entries(fields).map(([name, samples]) => field(name, samples))),
			fc.array(fc.tuple(strayName, valueFor([])), { maxLength: 3 }),
			fc.integer({ min: 0, max: 79 })
		)
		.map(([known, stray, big]) => {
			const entries = [...known.flat(), ...stray];
			// about one payload in eighty carries a 1 MB value
			if (big === 0 && entries.length) entries[entries.length > 1 ? 1 : 0] = [entries[entries.length > 1 ? 1 : 0][0], MEGABYTE];
			return entries;
		});
}

const bytes = (s: string) => new TextEncoder().encode(s);

/** A body that is not a readable form at all, or a form of another type than the header says. */
export const brokenBody: fc.Arbitrary<Body> = fc.oneof(
	fc.uint8Array({ maxLength: 200 }).map((b): Body => ({ kind: 'raw', contentType: 'multipart/form-data; boundary=zzz', bytes: b })),
	fc.constant<Body>({ kind: 'raw', contentType: 'multipart/form-data', bytes: bytes('--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n1\r\n--x--') }),
	fc.constant<Body>({
		kind: 'raw',
		contentType: 'multipart/form-data; boundary=x',
		bytes: bytes('--x\r\ncontent-disposition: form-data; name="a"\r\n\r\ntruncated')
	}),
	fc.string({ maxLength: 50 }).map((s): Body => ({ kind: 'raw', contentType: 'text/plain', bytes: bytes(`a=${s}`) })),
	fc.constant<Body>({ kind: 'raw', contentType: 'application/json', bytes: bytes('{"name":"x"}') }),
	fc.constant<Body>({ kind: 'raw', contentType: null, bytes: bytes('name=x') }),
	fc
		.uint8Array({ maxLength: 200 })
		.map((b): Body => ({ kind: 'raw', contentType: 'application/x-www-form-urlencoded', bytes: Buffer.concat([bytes('name=%ZZ%&%E0%A4%A='), b]) }))
);

export type Payload = { body: Body; accept: 'text/html' | 'application/json' };

/** The file fields of an upload of `file` under the field `name`: usually one file, sometimes none, or two. */
export function fileFields(name: string, file: fc.Arbitrary<FilePart>): fc.Arbitrary<[string, FilePart][]> {
	return fc.oneof(
		{ weight: 8, arbitrary: file.map((f): [string, FilePart][] => [[name, f]]) },
		{ weight: 1, arbitrary: fc.constant<[string, FilePart][]>([]) },
		{
			weight: 1,
			arbitrary: fc.tuple(file, file).map(([a, b]): [string, FilePart][] => [
				[name, a],
				[name, b]
			])
		}
	);
}

/** A whole request: the form as url-encoded (mostly) or multipart, now and then a broken body instead. */
export function payloadFor(fields: Record<string, string[]>, files: fc.Arbitrary<[string, FilePart][]> = fc.constant([])): fc.Arbitrary<Payload> {
	const form = fc.tuple(formEntries(fields), files);
	return fc.record({
		body: fc.oneof(
			{ weight: 6, arbitrary: form.map(([entries, f]): Body => (f.length ? { kind: 'multipart', entries, files: f } : { kind: 'urlencoded', entries })) },
			{ weight: 3, arbitrary: form.map(([entries, f]): Body => ({ kind: 'multipart', entries, files: f })) },
			{ weight: 1, arbitrary: brokenBody }
		),
		accept: fc.constantFrom('text/html' as const, 'application/json' as const)
	});
}
