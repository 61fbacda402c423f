/** Reads optional search parameters leniently: anything malformed is treated as absent. */
export function intParam(url: URL, name: string): number | undefined {
	const raw = url.searchParams.get(name);
	if (!raw || !/^\d{1,9}$/.test(raw)) return undefined;
	const n = Number(raw);
	return n > 0 ? n : undefined;
}

export function textParam(url: URL, name: string, max = 100): string | undefined {
	const raw = url.searchParams.get(name)?.trim();
	return raw ? raw.slice(0, max) : undefined;
}

export function enumParam<T extends string>(url: URL, name: string, allowed: readonly T[]): T | undefined {
	const raw = url.searchParams.get(name);
	return allowed.includes(raw as T) ? (raw as T) : undefined;
}

/** A route id parameter; anything that is not a positive integer is simply not found. */
export function idParam(raw: string): number | undefined {
	return /^\d{1,15}$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined;
}
