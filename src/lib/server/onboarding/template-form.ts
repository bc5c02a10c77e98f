import type { TemplateForm } from '../../domain/template-edit';

/**
 * Reads the template editor's form. Item rows repeat the same field names, so the i-th value of
 * each belongs to the i-th row; checkboxes carry the row's index, since unticked ones send nothing.
 */
export function readTemplateForm(form: FormData): TemplateForm {
	const all = (name: string) => form.getAll(name).map(String);
	const ticked = (name: string) => new Set(all(name));
	const keys = all('item_key');
	const phases = all('item_phase');
	const titles = all('item_title');
	const descriptions = all('item_description');
	const owners = all('item_owner');
	const offsets = all('item_offset');
	const required = ticked('item_required');
	const remove = ticked('item_remove');
	return {
		name: String(form.get('name') ?? ''),
		description: String(form.get('description') ?? ''),
		phases: [0, 1, 2].map((i) => ({
			targetDays: String(form.get(`phase_${i}_target`) ?? ''),
			entry: String(form.get(`phase_${i}_entry`) ?? ''),
			exit: String(form.get(`phase_${i}_exit`) ?? '')
		})),
		items: keys.map((key, i) => ({
			key,
			phase: phases[i] ?? '',
			title: titles[i] ?? '',
			description: descriptions[i] ?? '',
			owner: owners[i] ?? '',
			offset: offsets[i] ?? '',
			required: required.has(String(i)),
			remove: remove.has(String(i))
		}))
	};
}
