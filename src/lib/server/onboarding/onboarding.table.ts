import type { ColumnType, Generated, Selectable } from 'kysely';
import type { LocalizedText } from '../../domain/localized-text';
import type { ItemOwner, Phase, TemplateContent } from '../../domain/onboarding-template';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as a JSON string, read back as the value. */
type Json<T> = ColumnType<T, string, string>;

export interface OnboardingTemplateTable {
	id: Generated<number>;
	key: string;
	archived_at: Date | null;
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface OnboardingTemplateVersionTable {
	id: Generated<number>;
	template_id: number;
	version_no: number;
	content: Json<TemplateContent>;
	created_by: number | null;
	created_at: CreatedAt;
}

export type OnboardingStatus = 'active' | 'completed' | 'cancelled';

export interface OnboardingTable {
	id: Generated<number>;
	account_id: number;
	template_version_id: number;
	status: Generated<OnboardingStatus>;
	/** 'YYYY-MM-DD' */
	start_date: string;
	target_go_live: string;
	pre_onboarding_skip_reason: string | null;
	completed_on: string | null;
	handoff_note: string | null;
	started_by: number | null;
	/** When it last became at risk (derived from dates); null while it is not. See onboarding-risk.ts. */
	at_risk_since: ColumnType<Date | null, never, Date | null>;
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface ExitCriterion {
	text: LocalizedText;
	/** ISO timestamp, null while unticked. */
	checkedAt: string | null;
	checkedBy: number | null;
}

export interface OnboardingPhaseTable {
	id: Generated<number>;
	onboarding_id: number;
	phase: Phase;
	target_days: number;
	started_on: string | null;
	completed_on: string | null;
	skipped: Generated<boolean>;
	entry_criteria: Json<LocalizedText[]>;
	exit_criteria: Json<ExitCriterion[]>;
	version: Generated<number>;
}

export interface OnboardingItemTable {
	task_id: number;
	onboarding_id: number;
	phase: Phase;
	position: number;
	required: Generated<boolean>;
	owner: ItemOwner;
	template_item_key: string | null;
}

export interface Attendee {
	kind: 'contact' | 'user';
	id: number;
}

export interface KickoffMeetingTable {
	id: Generated<number>;
	onboarding_id: number;
	account_id: number;
	starts_at: Date;
	duration_minutes: Generated<number>;
	time_zone: string;
	location: Generated<string>;
	agenda: Generated<string>;
	notes: Generated<string>;
	attendees: Json<Attendee[]>;
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export type Onboarding = Selectable<OnboardingTable>;
export type OnboardingPhaseRow = Selectable<OnboardingPhaseTable>;
export type KickoffMeeting = Selectable<KickoffMeetingTable>;
