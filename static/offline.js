// Lists the module pages the service worker keeps (src/service-worker.ts), by their titles.
(async () => {
	if (!('caches' in window)) return;
	const cache = await caches.open('academy-reading');
	const list = document.getElementById('reading-list');
	for (const request of await cache.keys()) {
		const response = await cache.match(request);
		const html = response ? await response.text() : '';
		const title = new DOMParser().parseFromString(html, 'text/html').title.replace(/\s*[–|-]\s*Crisis Care Academy$/, '') || new URL(request.url).pathname;
		const item = document.createElement('li');
		const link = document.createElement('a');
		link.href = new URL(request.url).pathname;
		link.textContent = title;
		item.append(link);
		list.append(item);
	}
	if (list.children.length) document.getElementById('reading-none').hidden = true;
})();
