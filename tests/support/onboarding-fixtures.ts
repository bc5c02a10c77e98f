import type { TemplateContent, TemplateItem } from '../../src/lib/domain/onboarding-template';
import type { Db } from '../../src/lib/server/db/database';
import {
	insertTemplate,
	listCurrentTemplates
} from '../../src/lib/server/onboarding/template.repository';

const text = (en: string) => ({ en, 'pt-BR': `${en} (pt)`, es: `${en} (es)` });
const item = (
	key: string,
	owner: TemplateItem['owner'],
	dueOffsetDays: number,
	required = true
): TemplateItem => ({
	key,
	title: text(`Item ${key}`),
	description: text(`About ${key}`),
	owner,
	dueOffsetDays,
	required
});

/** A small three-phase template: two items in each phase, one exit criterion each. */
export const FIXTURE_TEMPLATE: TemplateContent = {
	name: text('Fixture onboarding'),
	description: text('For tests'),
	phases: [
		{
			phase: 1,
			targetDays: 7,
			entryCriteria: [text('Contract signed')],
			exitCriteria: [text('Scope agreed')],
			items: [item('p1-a', 'CSM', 2), item('p1-b', 'AM', 5, false)]
		},
		{
			phase: 2,
			targetDays: 14,
			entryCriteria: [],
			exitCriteria: [text('Kick-off held')],
			items: [item('p2-a', 'CSM', 10), item('p2-b', 'CUSTOMER', 12)]
		},
		{
			phase: 3,
			targetDays: 30,
			entryCriteria: [],
			exitCriteria: [text('Customer live')],
			items: [item('p3-a', 'CSM', 30), item('p3-b', 'PARTNER_CSM', 40)]
		}
	]
};

let counter = 0;
/** Inserts the fixture template under a fresh key and returns its version id. */
export async function makeTemplate(db: Db): Promise<number> {
	const key = `fixture-${Date.now().toString(36)}-${counter++}`;
	await insertTemplate(db, key, FIXTURE_TEMPLATE, null);
	const current = await listCurrentTemplates(db);
	return current.find((t) => t.key === key)!.version_id;
}
