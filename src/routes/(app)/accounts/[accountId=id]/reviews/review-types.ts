import type { TeamRole } from '$lib/domain/vocabulary';

/** The account's people as the review forms pick them: contacts and team members. */
export interface ContactChoice {
	id: number;
	name: string;
	title: string;
}

export interface TeamChoice {
	user_id: number;
	name: string;
	team_role: TeamRole;
}

/** What the schedule and edit forms start from when changing a review. */
export interface ReviewDefaults {
	kind: string;
	title: string;
	starts_at: Date;
	duration_minutes: number;
	location: string;
	agenda: string;
	attendees: { kind: 'contact' | 'user'; id: number }[];
	version: number;
}
