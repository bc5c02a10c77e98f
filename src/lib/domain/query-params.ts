/** A whole number 1…max from a URL parameter, or null when absent or malformed. */
export function positiveInt(raw: string | null, max: number): number | null {
	if (!raw || !/^\d{1,10}$/.test(raw)) return null;
	const n = Number(raw);
	return n >= 1 && n <= max ? n : null;
}
