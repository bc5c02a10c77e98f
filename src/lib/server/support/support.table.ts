import type { ColumnType, Generated, JSONColumnType, Selectable } from 'kysely';
import type { ClockKind, Priority } from '../../domain/escalation';
import type { SupportCalendar } from '../../domain/sla';
import type { Region, SupportPackage } from '../../domain/vocabulary';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type OpenHours = SupportCalendar['week'];

/** A support calendar: its zone and weekly open hours; holidays are rows of their own. */
export interface SupportCalendarTable {
	id: Generated<number>;
	name: string;
	time_zone: string;
	week: JSONColumnType<OpenHours, string, string>;
	version: Generated<number>;
	updated_by: number | null;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface SupportCalendarHolidayTable {
	calendar_id: number;
	/** 'YYYY-MM-DD' in the calendar's zone */
	day: string;
	name: Generated<string>;
}

/** Each region's default calendar, for accounts that name none of their own. */
export interface RegionCalendarTable {
	region: Region;
	calendar_id: number;
}

/** A support package's promise for one priority. */
export interface SlaPolicyTable {
	id: Generated<number>;
	support_package: SupportPackage;
	priority: Priority;
	response_minutes: number;
	resolution_minutes: number | null;
	clock: ClockKind;
	version: Generated<number>;
	updated_by: number | null;
	updated_at: UpdatedAt;
}

export type SupportCalendarRow = Selectable<SupportCalendarTable>;
export type SlaPolicy = Selectable<SlaPolicyTable>;
