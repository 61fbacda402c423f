import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every page, endpoint and form action in src/routes, read from the files themselves (nothing from the app is
 * imported), so that a new route shows up in the access and hostile-input tests the moment its file exists.
 */
export type RouteEntry =
	| { kind: 'page'; route: string; key: string }
	| { kind: 'endpoint'; route: string; method: string; key: string }
	| { kind: 'action'; route: string; action: string; key: string };

const ROUTES = join(process.cwd(), 'src', 'routes');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'fallback'];

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

/** "/manage/people/[id]" from the folder; route groups "(name)" add nothing to the address. */
function routeOf(file: string) {
	const parts = relative(ROUTES, file)
		.split(sep)
		.slice(0, -1)
		.filter((p) => !/^\(.*\)$/.test(p));
	return '/' + parts.join('/');
}

/** The text between the first "{" at or after `from` and its matching "}", skipping strings and comments. */
function braceBlock(text: string, from: number): string {
	const start = text.indexOf('{', from);
	let depth = 0;
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i);
		else if (c === '/' && text[i + 1] === '*') i = text.indexOf('*/', i) + 1;
		else if (c === '"' || c === "'" || c === '`') {
			for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
		} else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return text.slice(start + 1, i);
		if (i < 0) break;
	}
	throw new Error('unbalanced braces');
}

/**
 * Keys at the top level of an object literal's body: `name: ...`, `'name': ...`, `async name(...)`, `name(...)`
 * or shorthand `name`. A spread cannot be read from the text, so it is returned as "..." for a person to classify.
 */
function topLevelKeys(body: string): string[] {
	const keys: string[] = [];
	let depth = 0;
	let atStart = true;
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (c === '/' && body[i + 1] === '/') {
			i = body.indexOf('\n', i);
			if (i < 0) break;
			continue;
		}
		if (c === '/' && body[i + 1] === '*') {
			i = body.indexOf('*/', i) + 1;
			continue;
		}
		if (depth === 0 && atStart && /\S/.test(c)) {
			const m = /^(?:async\s+)?(?:(['"])([^'"]+)\1|([A-Za-z_$][\w$]*)|(\.\.\.)[\w$.]*)\s*(?=[:(,]|$)/.exec(body.slice(i));
			if (m) keys.push(m[2] ?? m[3] ?? '...');
			atStart = false;
			if (m?.[1]) {
				i += m[0].length - 1;
				continue;
			}
		}
		if (c === '"' || c === "'" || c === '`') {
			for (i++; i < body.length && body[i] !== c; i++) if (body[i] === '\\') i++;
			continue;
		}
		if ('{[('.includes(c)) depth++;
		else if ('}])'.includes(c)) depth--;
		else if (depth === 0 && c === ',') atStart = true;
	}
	return keys;
}

export function actionNames(source: string): string[] {
	const at = source.search(/export\s+const\s+actions\b/);
	return at < 0 ? [] : topLevelKeys(braceBlock(source, source.indexOf('=', at)));
}

export function endpointMethods(source: string): string[] {
	const found = new Set<string>();
	for (const m of source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+([A-Za-z]+)\b/g)) if (METHODS.includes(m[1])) found.add(m[1]);
	for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
		for (const name of m[1].split(',').map((s) =>
			s
				.trim()
				.split(/\s+as\s+/)
				.pop()!
		))
			if (METHODS.includes(name)) found.add(name);
	return [...found];
}

export const actionKey = (route: string, action: string) => `POST ${route}?/${action}`;

export function discoverRoutes(): RouteEntry[] {
	const entries: RouteEntry[] = [];
	const pages = new Set<string>();
	for (const file of walk(ROUTES).sort()) {
		const name = file.split(sep).pop()!;
		const route = routeOf(file);
		if (name === '+page.svelte' || /^\+page\.server\.(ts|js)$/.test(name)) pages.add(route);
		if (/^\+page\.server\.(ts|js)$/.test(name)) {
			for (const action of actionNames(readFileSync(file, 'utf8'))) entries.push({ kind: 'action', route, action, key: actionKey(route, action) });
		}
		if (/^\+server\.(ts|js)$/.test(name)) {
			for (const method of endpointMethods(readFileSync(file, 'utf8'))) entries.push({ kind: 'endpoint', route, method, key: `${method} ${route}` });
		}
	}
	for (const route of pages) entries.push({ kind: 'page', route, key: `GET ${route}` });
	return entries.sort((a, b) => a.key.localeCompare(b.key));
}
