import type { MessageKey } from '$lib/i18n/catalogue';
import { t } from '$lib/i18n/i18n.svelte';

export interface Option {
	value: string | number;
	label: string;
}

/**
 * A filter's choices: "Any" (no filter), then each value of a closed vocabulary under its
 * message prefix (`segment.enterprise`…), for `<Field type="select">` in a GET filter form.
 */
export function vocabularyOptions(values: readonly string[], prefix: string): Option[] {
	return [
		{ value: '', label: t('filter.any') },
		...values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }))
	];
}

/** "Any", then each person by name. */
export function peopleOptions(people: readonly { id: number; name: string }[]): Option[] {
	return [
		{ value: '', label: t('filter.any') },
		...people.map((p) => ({ value: p.id, label: p.name }))
	];
}
