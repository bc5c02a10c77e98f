/** What the checklist components show of an item and of the account team. */
export interface ChecklistItemData {
	id: number;
	title: string;
	description: string;
	status: 'open' | 'done' | 'skipped';
	due_date: string | null;
	owner_user_id: number | null;
	owner_name: string | null;
	owner: string;
	skip_reason: string | null;
	notes: string;
	completed_at: Date | null;
	completed_by_name: string | null;
	version: number;
	required: boolean;
	overdue: boolean;
	template_item_key: string | null;
}

export interface TeamMember {
	user_id: number;
	name: string;
	team_role: string;
}
