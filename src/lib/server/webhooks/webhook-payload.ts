import type { WebhookEvent } from '../../domain/webhook';
import type { Locale } from '../../domain/vocabulary';
import { loadCatalogue, type MessageKey } from '../../i18n/catalogue';
import { format, formatDate, formatMoney } from '../../i18n/format';
import type { Executor } from '../db/database';
import type { KeelEvent } from '../events/events';
import { onboardingRisk } from '../onboarding/onboarding-risk';
import { appOrigin } from './webhook-links';
import type { WebhookPayload } from './webhook.table';

/** The events a webhook can hear; the rest (assignments) are for notifications only. */
export type WebhookKeelEvent = Extract<KeelEvent, { type: WebhookEvent }>;

type Data = WebhookPayload['data'];

/** An event's facts, in every locale: the data goes out as is, the sentence is worded per webhook. */
export interface EventFacts {
	event: WebhookEvent;
	data: Data;
	text: (m: Record<MessageKey, string>, locale: Locale) => string;
}

const ids = <T extends WebhookKeelEvent['type']>(events: WebhookKeelEvent[], type: T[]) =>
	events.filter((e): e is Extract<WebhookKeelEvent, { type: T }> =>
		(type as string[]).includes(e.type)
	);

/**
 * Reads what each event's sentence and data need, one query per kind of event however many
 * there are, at the moment the event happens: a delivery retried later says what was true then.
 */
export async function loadEventFacts(
	trx: Executor,
	events: readonly WebhookKeelEvent[],
	now: Date
): Promise<EventFacts[]> {
	const origin = appOrigin();
	const flagEvents = ids([...events], ['churn_flag.critical_raised']);
	const escalationEvents = ids(
		[...events],
		['escalation.sla_warning', 'escalation.sla_breach', 'escalation.p1_opened']
	);
	const onboardingEvents = ids([...events], ['onboarding.at_risk']);
	const [flags, escalations, onboardings] = await Promise.all([
		flagEvents.length === 0
			? []
			: trx
					.selectFrom('churn_flags as f')
					.innerJoin('accounts as a', 'a.id', 'f.account_id')
					.select([
						'f.id',
						'f.severity',
						'f.reason',
						'f.rule',
						'f.arr_at_risk',
						'a.currency',
						'a.name as account_name'
					])
					.where(
						'f.id',
						'in',
						flagEvents.map((e) => e.flagId)
					)
					.execute(),
		escalationEvents.length === 0
			? []
			: trx
					.selectFrom('escalations as e')
					.innerJoin('accounts as a', 'a.id', 'e.account_id')
					.select([
						'e.id',
						'e.title',
						'e.priority',
						'e.status',
						'e.external_ref',
						'e.response_due_at',
						'e.resolution_due_at',
						'a.name as account_name'
					])
					.where(
						'e.id',
						'in',
						escalationEvents.map((e) => e.escalationId)
					)
					.execute(),
		onboardingEvents.length === 0
			? []
			: onboardingRisk(
					trx,
					now,
					onboardingEvents.map((e) => e.onboardingId)
				).execute()
	]);

	const facts: EventFacts[] = [];
	for (const event of events) {
		const account = { account_id: event.accountId };
		if (event.type === 'churn_flag.critical_raised') {
			const f = flags.find((row) => row.id === event.flagId);
			if (!f) continue;
			const url = `${origin}/accounts/${event.accountId}/risks`;
			facts.push({
				event: event.type,
				data: {
					...account,
					account_name: f.account_name,
					flag_id: f.id,
					severity: f.severity,
					reason: f.reason,
					rule: f.rule,
					arr_at_risk: f.arr_at_risk,
					currency: f.currency,
					url
				},
				text: (m, locale) =>
					format(m['webhooks.text.criticalFlag'], {
						account: f.account_name,
						reason: m[`churn.reason.${f.reason}`],
						arr: formatMoney(f.arr_at_risk, f.currency, locale),
						link: url
					})
			});
		} else if (event.type === 'onboarding.at_risk') {
			const o = onboardings.find((row) => row.id === event.onboardingId);
			if (!o) continue;
			const url = `${origin}/accounts/${event.accountId}/onboarding`;
			facts.push({
				event: event.type,
				data: {
					...account,
					account_name: o.account_name,
					onboarding_id: o.id,
					phase: o.phase,
					days_in_phase: o.days_in_phase,
					target_days: o.target_days,
					required_overdue: o.required_overdue,
					target_go_live: o.target_go_live,
					url
				},
				text: (m, locale) =>
					format(m['webhooks.text.onboardingAtRisk'], {
						account: o.account_name,
						reasons: [
							o.days_in_phase !== null && o.target_days !== null && o.days_in_phase > o.target_days
								? format(m['webhooks.risk.phaseOverrun'], {
										phase: o.phase ?? '',
										days: o.days_in_phase,
										target: o.target_days
									})
								: null,
							o.required_overdue > 0
								? format(m['webhooks.risk.requiredOverdue'], { count: o.required_overdue })
								: null
						]
							.filter((r) => r !== null)
							.join('; '),
						goLive: formatDate(o.target_go_live, locale),
						link: url
					})
			});
		} else {
			const e = escalations.find((row) => row.id === event.escalationId);
			if (!e) continue;
			const url = `${origin}/escalations/${e.id}`;
			const base = {
				...account,
				account_name: e.account_name,
				escalation_id: e.id,
				title: e.title,
				priority: e.priority,
				status: e.status,
				external_ref: e.external_ref,
				url
			};
			if (event.type === 'escalation.p1_opened') {
				facts.push({
					event: event.type,
					data: base,
					text: (m) =>
						format(m['webhooks.text.p1Opened'], {
							account: e.account_name,
							title: e.title,
							link: url
						})
				});
				continue;
			}
			const due = event.clock === 'response' ? e.response_due_at : e.resolution_due_at;
			facts.push({
				event: event.type,
				data: { ...base, clock: event.clock, due_at: due?.toISOString() ?? null },
				text: (m) =>
					format(
						m[
							event.type === 'escalation.sla_warning'
								? 'webhooks.text.slaWarning'
								: 'webhooks.text.slaBreach'
						],
						{
							priority: e.priority,
							account: e.account_name,
							clock: m[`webhooks.clock.${event.clock}`],
							title: e.title,
							link: url
						}
					)
			});
		}
	}
	return facts;
}

/** The body a receiver gets, in the webhook's language. */
export async function buildPayload(
	facts: EventFacts,
	locale: Locale,
	now: Date
): Promise<WebhookPayload> {
	const m = await loadCatalogue(locale);
	return {
		text: facts.text(m, locale),
		event: facts.event,
		occurred_at: now.toISOString(),
		data: facts.data
	};
}
