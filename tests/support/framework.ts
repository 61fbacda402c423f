import { readFileSync } from 'node:fs';
import { parseFramework, type Framework } from '../../src/lib/server/competency/framework';

/** The shipped competency framework, read from disk for tests and scripts (the app bundles it instead). */
export function testFramework(): Framework {
	return parseFramework('content/competencies.yaml', readFileSync('content/competencies.yaml', 'utf8'));
}
