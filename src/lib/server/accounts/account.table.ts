import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
	LifecycleStage,
	Region,
	SalesChannel,
	Segment,
	SupportPackage,
	TeamRole
} from '../../domain/vocabulary';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ResellerTable {
	id: Generated<number>;
	name: string;
	created_at: CreatedAt;
}

export interface AccountTable {
	id: Generated<number>;
	external_id: string | null;
	name: string;
	segment: Segment;
	region: Region;
	time_zone: string;
	sales_channel: SalesChannel;
	reseller_id: number | null;
	support_package: SupportPackage;
	/** The account's own support calendar; null: its region's default. */
	support_calendar_id: number | null;
	/** Annual recurring revenue in whole units of `currency`. */
	arr: Generated<number>;
	currency: Generated<string>;
	/** 'YYYY-MM-DD' */
	renewal_date: string | null;
	lifecycle_stage: LifecycleStage;
	notes: Generated<string>;
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface AccountTeamMemberTable {
	id: Generated<number>;
	account_id: number;
	user_id: number;
	team_role: TeamRole;
	version: Generated<number>;
	created_at: CreatedAt;
}

export interface ContactTable {
	id: Generated<number>;
	account_id: number;
	name: string;
	title: Generated<string>;
	email: Generated<string>;
	phone: Generated<string>;
	is_primary: Generated<boolean>;
	/** 'YYYY-MM-DD' */
	onboarded_on: string | null;
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export type Reseller = Selectable<ResellerTable>;
export type Account = Selectable<AccountTable>;
export type NewAccount = Insertable<AccountTable>;
export type AccountUpdate = Updateable<AccountTable>;
export type AccountTeamMember = Selectable<AccountTeamMemberTable>;
export type Contact = Selectable<ContactTable>;
export type NewContact = Insertable<ContactTable>;
