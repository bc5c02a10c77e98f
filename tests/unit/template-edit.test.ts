import { describe, expect, it } from 'vitest';
import { applyTemplateEdit, type TemplateForm } from '../../src/lib/domain/template-edit';
import { FIXTURE_TEMPLATE } from '../support/onboarding-fixtures';

/** The form as the editor would submit it for the fixture, unchanged, in `lang`. */
function formFor(lang: 'en' | 'pt-BR' | 'es'): TemplateForm {
	const text = (t: { en: string; 'pt-BR'?: string; es?: string }) => t[lang] ?? t.en;
	return {
		name: text(FIXTURE_TEMPLATE.name),
		description: text(FIXTURE_TEMPLATE.description),
		phases: FIXTURE_TEMPLATE.phases.map((p) => ({
			targetDays: String(p.targetDays),
			entry: p.entryCriteria.map(text).join('\n'),
			exit: p.exitCriteria.map(text).join('\n')
		})),
		items: FIXTURE_TEMPLATE.phases.flatMap((p) =>
			p.items.map((i) => ({
				key: i.key,
				phase: String(p.phase),
				title: text(i.title),
				description: text(i.description),
				owner: i.owner,
				offset: String(i.dueOffsetDays),
				required: i.required,
				remove: false
			}))
		)
	};
}

describe('applyTemplateEdit', () => {
	it('returns the same content when nothing changed', () => {
		const result = applyTemplateEdit(FIXTURE_TEMPLATE, 'pt-BR', formFor('pt-BR'));
		expect(result).toEqual({ ok: true, content: FIXTURE_TEMPLATE });
	});

	it('changes only the edited language of a text', () => {
		const form = formFor('es');
		form.items[0]!.title = 'Enviar la bienvenida';
		const result = applyTemplateEdit(FIXTURE_TEMPLATE, 'es', form);
		if (!result.ok) throw new Error('expected ok');
		expect(result.content.phases[0].items[0]!.title).toEqual({
			en: 'Item p1-a',
			'pt-BR': 'Item p1-a (pt)',
			es: 'Enviar la bienvenida'
		});
	});

	it('adds a new item with a key from its title, moves and removes items', () => {
		const form = formFor('en');
		form.items[1]!.remove = true;
		form.items[2]!.phase = '3';
		form.items.push({
			key: '',
			phase: '1',
			title: 'Visit AM11 with the customer',
			description: '',
			owner: 'SE',
			offset: '3',
			required: false,
			remove: false
		});
		form.items.push({
			key: '',
			phase: '2',
			title: '  ',
			description: '',
			owner: 'CSM',
			offset: '0',
			required: true,
			remove: false
		});
		const result = applyTemplateEdit(FIXTURE_TEMPLATE, 'en', form);
		if (!result.ok) throw new Error('expected ok');
		const [p1, p2, p3] = result.content.phases;
		expect(p1.items.map((i) => i.key)).toEqual(['p1-a', 'visit-am11-with-the-customer']);
		expect(p1.items[1]!.title).toEqual({ en: 'Visit AM11 with the customer' });
		expect(p2.items.map((i) => i.key)).toEqual(['p2-b']);
		expect(p3.items.map((i) => i.key)).toEqual(['p2-a', 'p3-a', 'p3-b']);
	});

	it('keeps criteria aligned by line and translates them per language', () => {
		const form = formFor('pt-BR');
		form.phases[0]!.exit = 'Escopo acordado\nContrato assinado';
		const result = applyTemplateEdit(FIXTURE_TEMPLATE, 'pt-BR', form);
		if (!result.ok) throw new Error('expected ok');
		expect(result.content.phases[0].exitCriteria).toEqual([
			{ en: 'Scope agreed', 'pt-BR': 'Escopo acordado', es: 'Scope agreed (es)' },
			{ en: 'Contrato assinado', 'pt-BR': 'Contrato assinado' }
		]);
	});

	it('reports every bad field at once, keyed by row', () => {
		const form = formFor('en');
		form.name = ' ';
		form.phases[1]!.targetDays = '0';
		form.items[0]!.title = '';
		form.items[1]!.offset = '-3';
		form.items[2]!.owner = 'CEO';
		form.items[3]!.key = 'no-such-item';
		const result = applyTemplateEdit(FIXTURE_TEMPLATE, 'en', form);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual([
			'items.0.title',
			'items.1.offset',
			'items.2.owner',
			'items.3.title',
			'name',
			'phases.1.targetDays'
		]);
	});

	it('refuses more than ten exit criteria, which the checklist could not tick', () => {
		const form = formFor('en');
		form.phases[2]!.exit = Array.from({ length: 11 }, (_, i) => `Criterion ${i}`).join('\n');
		const result = applyTemplateEdit(FIXTURE_TEMPLATE, 'en', form);
		expect(result.ok ? [] : Object.keys(result.errors)).toEqual(['phases.2.exit']);
	});
});
