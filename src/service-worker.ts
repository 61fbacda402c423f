/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline reading on a patchy signal (docs/architecture.md, "Offline reading"). What it keeps:
//  - the app's own files (scripts, styles, icons, the offline page), for this build only;
//  - module pages: those the learner opens, and those due for them (/training/offline.json). These are the only
//    things about a person kept on the device; signing out clears them (here, and by the Clear-Site-Data header
//    the sign-out answers with). Knowledge checks, scenarios and records are never kept: they need a connection.
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const APP_FILES = `academy-app-${version}`;
const READING = 'academy-reading';
const OFFLINE_PAGE = '/offline.html';
const MODULE_PAGE = /^\/modules\/[a-z0-9-]+$/;
/** How often the list of due modules is fetched again, at most, when the learner opens My training. */
const READING_LIST_EVERY_MS = 60 * 60_000;
const appFiles = new Set([...build, ...files]);
let readingListFetchedAt = 0;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(APP_FILES)
			.then((cache) => cache.addAll([...appFiles]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key.startsWith('academy-app-') && key !== APP_FILES) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (request.method === 'POST' && url.pathname === '/logout') {
		event.waitUntil(caches.delete(READING));
		return;
	}
	if (request.method !== 'GET') return;
	if (appFiles.has(url.pathname)) return event.respondWith(appFile(request));
	if (request.mode !== 'navigate') return;
	if (MODULE_PAGE.test(url.pathname)) return event.respondWith(modulePage(request));
	event.respondWith(page(event));
});

async function appFile(request: Request): Promise<Response> {
	return (await caches.match(request, { cacheName: APP_FILES })) ?? fetch(request);
}

/** Module pages: from the network when there is one (and kept), else the copy kept last time. */
async function modulePage(request: Request): Promise<Response> {
	try {
		const response = await fetch(request);
		if (response.ok && !response.redirected) await (await caches.open(READING)).put(request, response.clone());
		return response;
	} catch {
		return (await caches.match(request, { cacheName: READING })) ?? offlinePage();
	}
}

/** Any other page: always from the network; without one, the offline page. */
async function page(event: FetchEvent): Promise<Response> {
	try {
		const response = await fetch(event.request);
		if (response.ok && new URL(event.request.url).pathname === '/training') event.waitUntil(keepDueModules());
		return response;
	} catch {
		return offlinePage();
	}
}

async function offlinePage(): Promise<Response> {
	return (await caches.match(OFFLINE_PAGE, { cacheName: APP_FILES })) ?? new Response('You are offline.', { status: 503 });
}

/** Fetches the due modules the phone does not hold yet, at most once an hour. */
async function keepDueModules() {
	if (Date.now() - readingListFetchedAt < READING_LIST_EVERY_MS) return;
	readingListFetchedAt = Date.now();
	const response = await fetch('/training/offline.json');
	if (!response.ok) return;
	const { modules } = (await response.json()) as { modules: string[] };
	const cache = await caches.open(READING);
	for (const href of modules) {
		if (!MODULE_PAGE.test(href) || (await cache.match(href))) continue;
		const page = await fetch(href);
		if (page.ok && !page.redirected) await cache.put(href, page);
	}
}
