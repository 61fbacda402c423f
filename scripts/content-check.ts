// `npm run content:check` (run by `npm run build`): validates every module and scenario under content/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModules, ContentError } from '../src/lib/server/modules/parse';

export function readContentFiles(dir: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir)) files[`/${join(dir, name)}`] = readFileSync(join(dir, name), 'utf8');
	return files;
}

try {
	const modules = parseModules(readContentFiles('content/modules'));
	console.log(`content: ${modules.length} modules valid`);
} catch (e) {
	if (!(e instanceof ContentError)) throw e;
	console.error(`Content check failed:\n${e.message}`);
	process.exit(1);
}
