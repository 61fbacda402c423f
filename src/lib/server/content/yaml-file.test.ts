import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContentError } from './errors';
import { readYamlFile } from './yaml-file';

const schema = z.object({ title: z.string(), items: z.array(z.object({ id: z.string() })) }).strict();
const read = (source: string) => readYamlFile('content/example.yaml', source, schema, (message) => new ContentError(message));

describe('a YAML content file', () => {
	it('gives the data when it matches its schema', () => {
		expect(read('title: Example\nitems:\n  - id: a\n')).toEqual({ title: 'Example', items: [{ id: 'a' }] });
	});

	it('names the file when it is not YAML, with the reader’s own kind of error', () => {
		expect(() => read('title: [unclosed')).toThrow(ContentError);
		expect(() => read('title: [unclosed')).toThrow(/^content\/example\.yaml: not valid YAML: /);
	});

	it('names the file and every field at fault, one per line', () => {
		expect(() => read('title: 3\nitems:\n  - id: 4\n')).toThrow(/^content\/example\.yaml: field "title" .+\ncontent\/example\.yaml: field "items\.0\.id" .+$/);
	});
});
