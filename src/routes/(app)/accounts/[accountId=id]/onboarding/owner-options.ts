import type { MessageKey } from '$lib/i18n/catalogue';
import { t } from '$lib/i18n/i18n.svelte';
import type { TeamMember } from './checklist-types';

/** The choices for an item's owner: nobody, or someone on the account team with their role. */
export function ownerOptions(team: TeamMember[]) {
	return [
		{ value: '', label: t('team.unassigned') },
		...team.map((m) => ({
			value: m.user_id,
			label: `${m.name} (${t(`team.${m.team_role}` as MessageKey)})`
		}))
	];
}
