/**
 * Which page of a list to show: the one asked for, kept within the pages there are (a page past the end shows the
 * last; an empty list has one, empty, page), and where its rows start.
 */
export function pageWindow(total: number, requested: number | undefined, size: number): { page: number; pages: number; offset: number } {
	const pages = Math.max(1, Math.ceil(total / size));
	const page = Math.min(pages, Math.max(1, requested ?? 1));
	return { page, pages, offset: (page - 1) * size };
}
