import type { Framework } from '../../src/lib/server/competency/framework';
import { readFrameworkFromDisk } from '../../src/lib/server/content/disk';

/** The shipped competency framework, read from disk for tests and scripts (the app bundles it instead). */
export function testFramework(): Framework {
	return readFrameworkFromDisk();
}
