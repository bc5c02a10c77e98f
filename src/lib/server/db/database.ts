import type { Kysely, Transaction } from 'kysely';
import type {
	AccountTable,
	AccountTeamMemberTable,
	ContactTable,
	ResellerTable
} from '../accounts/account.table';
import type {
	AccountAdoptionTable,
	AdoptionMonthTotalTable,
	UsageRecordTable
} from '../adoption/adoption.table';
import type { AuditLogTable } from '../audit/audit.table';
import type { ChurnFlagEventTable, ChurnFlagTable } from '../churn/churn.table';
import type {
	EscalationActionTable,
	EscalationEventTable,
	EscalationPauseTable,
	EscalationTable,
	PostmortemTable
} from '../escalations/escalation.table';
import type {
	AccountHealthTable,
	HealthInputsTable,
	HealthModelTable,
	HealthOverrideTable,
	HealthSnapshotTable
} from '../health/health.table';
import type { LoginThrottleTable, SessionTable, UserTable } from '../auth/auth.table';
import type {
	KickoffMeetingTable,
	OnboardingItemTable,
	OnboardingPhaseTable,
	OnboardingTable,
	OnboardingTemplateTable,
	OnboardingTemplateVersionTable
} from '../onboarding/onboarding.table';
import type { ScheduledRunTable } from '../jobs/jobs.table';
import type { ObjectiveTaskTable, PlanObjectiveTable } from '../plans/plan.table';
import type {
	RegionCalendarTable,
	SlaPolicyTable,
	SupportCalendarHolidayTable,
	SupportCalendarTable
} from '../support/support.table';
import type {
	AccountReviewFactsTable,
	BusinessReviewTable,
	ReviewActionTable,
	ReviewCadenceTable
} from '../reviews/review.table';
import type {
	FeedbackMonthlyTable,
	FeedbackTable,
	FeedbackThemeCsmMonthlyTable,
	FeedbackThemeMonthlyTable
} from '../feedback/feedback.table';
import type { TaskTable } from '../tasks/task.table';
import type { ImportMappingTable, ImportRowTable, ImportTable } from '../imports/import.table';
import type { ApiRateLimitTable, ApiTokenTable } from '../api/api.table';
import type { WebhookDeliveryTable, WebhookTable } from '../webhooks/webhook.table';
import type { NotificationTable } from '../notifications/notification.table';
import type { CalendarFeedTable } from '../calendar/calendar-feed.table';

/** Keel's schema as Kysely sees it; each section owns its table types. */
export interface Database {
	resellers: ResellerTable;
	users: UserTable;
	sessions: SessionTable;
	login_throttle: LoginThrottleTable;
	accounts: AccountTable;
	account_team_members: AccountTeamMemberTable;
	contacts: ContactTable;
	tasks: TaskTable;
	audit_log: AuditLogTable;
	onboarding_templates: OnboardingTemplateTable;
	onboarding_template_versions: OnboardingTemplateVersionTable;
	onboardings: OnboardingTable;
	onboarding_phases: OnboardingPhaseTable;
	onboarding_items: OnboardingItemTable;
	kickoff_meetings: KickoffMeetingTable;
	usage_records: UsageRecordTable;
	account_adoption: AccountAdoptionTable;
	adoption_month_totals: AdoptionMonthTotalTable;
	plan_objectives: PlanObjectiveTable;
	objective_tasks: ObjectiveTaskTable;
	health_models: HealthModelTable;
	account_health: AccountHealthTable;
	health_snapshots: HealthSnapshotTable;
	health_inputs: HealthInputsTable;
	health_overrides: HealthOverrideTable;
	churn_flags: ChurnFlagTable;
	churn_flag_events: ChurnFlagEventTable;
	scheduled_runs: ScheduledRunTable;
	support_calendars: SupportCalendarTable;
	support_calendar_holidays: SupportCalendarHolidayTable;
	region_calendars: RegionCalendarTable;
	sla_policies: SlaPolicyTable;
	escalations: EscalationTable;
	escalation_pauses: EscalationPauseTable;
	escalation_events: EscalationEventTable;
	postmortems: PostmortemTable;
	escalation_actions: EscalationActionTable;
	business_reviews: BusinessReviewTable;
	review_actions: ReviewActionTable;
	review_cadences: ReviewCadenceTable;
	account_review_facts: AccountReviewFactsTable;
	feedback: FeedbackTable;
	feedback_monthly: FeedbackMonthlyTable;
	feedback_theme_monthly: FeedbackThemeMonthlyTable;
	feedback_theme_csm_monthly: FeedbackThemeCsmMonthlyTable;
	imports: ImportTable;
	import_rows: ImportRowTable;
	import_mappings: ImportMappingTable;
	api_tokens: ApiTokenTable;
	api_rate_limits: ApiRateLimitTable;
	webhooks: WebhookTable;
	webhook_deliveries: WebhookDeliveryTable;
	notifications: NotificationTable;
	calendar_feeds: CalendarFeedTable;
}

export type Db = Kysely<Database>;
/** Anything a repository can run on: the pool or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;
