// The app's email templates, bundled at build time and compiled once when the server starts.
import { compileTemplates, provideTemplates } from './templates';

const files = import.meta.glob<string>('/content/emails/*.md', { query: '?raw', import: 'default', eager: true });

provideTemplates(compileTemplates(files));
