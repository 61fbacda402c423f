/**
 * The scenario area's layers, checked on the source: the engine imports no database, file system or
 * SvelteKit code, and presentation reads stored runs only as types (the routes fetch them), so both are
 * tested without a database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Module specifiers a folder's source files import at run time (`import type` is erased). */
function runtimeImports(folder: string): { file: string; from: string }[] {
	const dir = join(here, folder);
	return readdirSync(dir)
		.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
		.flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)].map((m) => ({ file, from: m[1]! })));
}

describe('scenario layers', () => {
	it('keeps the engine pure: only xstate, zod, yaml, the Markdown reader, the major-change schema and the organisation vocabulary', () => {
		const imports = runtimeImports('engine');
		expect(imports.length).toBeGreaterThan(10);
		const allowed = /^(\.\/[a-z-]+|xstate|xstate\/graph|zod|yaml|\.\.\/\.\.\/content\/(markdown|major-change)|\.\.\/\.\.\/\.\.\/organisation-model)$/;
		expect(imports.filter(({ from }) => !allowed.test(from))).toEqual([]);
	});

	it('keeps presentation away from the database: stored runs arrive as arguments', () => {
		const imports = runtimeImports('presentation');
		expect(imports.filter(({ from }) => /runs-store|\/db|drizzle|better-sqlite3/.test(from))).toEqual([]);
	});
});
