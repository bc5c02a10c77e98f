/** Readable keys from free text: 'Integração de Varejo' → 'integracao-de-varejo'. */
export function slugify(text: string, fallback: string): string {
	return (
		text
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 40) || fallback
	);
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet; records the one it returns. */
export function uniqueKey(base: string, taken: Set<string>): string {
	let key = base;
	for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
	taken.add(key);
	return key;
}
