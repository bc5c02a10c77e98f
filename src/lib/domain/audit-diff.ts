/** What an audit row changed, for the Activity list: the entity's name and each changed field. */
const IGNORED = new Set(['version', 'updated_at', 'created_at', 'id', 'account_id']);

function show(value: unknown): string {
	if (value === null || value === undefined || value === '') return '—';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

export function describeChange(
	before: Record<string, unknown> | null,
	after: Record<string, unknown> | null
) {
	const name = String((after ?? before)?.name ?? '');
	if (!before || !after) return { name, fields: [] };
	const fields = Object.keys(after)
		.filter((key) => !IGNORED.has(key) && show(before[key]) !== show(after[key]))
		.map((key) => ({ name: key, from: show(before[key]), to: show(after[key]) }));
	return { name, fields };
}
