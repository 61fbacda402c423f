// The framework is read and checked with the rest of the content (src/lib/server/content/); routes and
// reports that need it import it from here.
export { getFramework } from '../content';
