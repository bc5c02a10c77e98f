/** English: webhooks and their deliveries. Loaded only on the routes that show them (route-sections.ts). */
export const webhooks = {
	'webhooks.title': 'Webhooks',
	'webhooks.intro':
		'Post Keel’s important events to chat or to other systems. Each one is a JSON body whose text line Slack and Microsoft Teams incoming webhooks show as it is.',
	'webhooks.new': 'New webhook',
	'webhooks.empty': 'No webhooks yet. Add one to post events to a chat channel or another system.',
	'webhooks.col.endpoint': 'Endpoint',
	'webhooks.col.events': 'Events',
	'webhooks.col.state': 'State',
	'webhooks.col.last': 'Last delivery',
	'webhooks.col.failed': 'Failed',
	'webhooks.active': 'Active',
	'webhooks.paused': 'Paused',
	'webhooks.never': 'Nothing sent yet',
	'webhooks.event.churn_flag.critical_raised': 'Critical churn flag raised',
	'webhooks.event.escalation.sla_warning': 'SLA warning',
	'webhooks.event.escalation.sla_breach': 'SLA breach',
	'webhooks.event.escalation.p1_opened': 'P1 escalation opened',
	'webhooks.event.onboarding.at_risk': 'Onboarding at risk',
	'webhooks.event.test': 'Test',
	'webhooks.status.pending': 'Pending',
	'webhooks.status.delivered': 'Delivered',
	'webhooks.status.failed': 'Failed',
	'webhooks.field.url': 'Payload URL',
	'webhooks.field.urlHint':
		'An http:// or https:// address. For Slack or Teams, paste the channel’s incoming webhook URL.',
	'webhooks.field.description': 'Description',
	'webhooks.field.descriptionHint': 'What it is for, for example “#cs-alerts in Slack”.',
	'webhooks.field.events': 'Events to send',
	'webhooks.field.locale': 'Language of the message',
	'webhooks.field.active': 'Active',
	'webhooks.field.activeHint':
		'A paused webhook receives no new events; deliveries already queued still finish.',
	'webhooks.create': 'Create webhook',
	'webhooks.save': 'Save webhook',
	'webhooks.created':
		'Webhook created. Give the signing secret below to the receiver so it can check each request.',
	'webhooks.saved': 'Webhook saved.',
	'webhooks.deleted': 'Webhook deleted.',
	'webhooks.settings': 'Settings',
	'webhooks.secret.title': 'Signing secret',
	'webhooks.secret.hint':
		'The receiver uses it to check that a request comes from Keel. Keep it out of chat messages and code repositories.',
	'webhooks.secret.rotate': 'Rotate secret',
	'webhooks.secret.rotateHint':
		'A new secret takes effect at once: every delivery from now on, retries included, is signed with it.',
	'webhooks.secret.rotated': 'New signing secret created. Update the receiver.',
	'webhooks.test.title': 'Send a test',
	'webhooks.test.button': 'Send test',
	'webhooks.test.hint':
		'Queues a test event for this webhook, even while it is paused. How the receiver answered appears in the log within a few seconds.',
	'webhooks.test.queued': 'Test queued. Waiting for the receiver…',
	'webhooks.test.delivered': 'The test was delivered: the receiver answered {status}.',
	'webhooks.test.failed':
		'The test was not delivered: {reason}. It will be retried as the schedule below says.',
	'webhooks.log.title': 'Deliveries',
	'webhooks.log.caption': 'Deliveries, latest first',
	'webhooks.log.empty': 'Nothing has been sent to this webhook yet.',
	'webhooks.log.event': 'Event',
	'webhooks.log.status': 'Status',
	'webhooks.log.attempts': 'Attempts',
	'webhooks.log.response': 'Response',
	'webhooks.log.queued': 'Queued',
	'webhooks.log.next': 'Next attempt',
	'webhooks.log.ms': '{ms} ms',
	'webhooks.log.noAnswer': 'No answer',
	'webhooks.log.details': 'What the receiver said',
	'webhooks.log.retry': 'Retry now',
	'webhooks.log.retried': 'Delivery queued again; it is sent within a few seconds.',
	'webhooks.delete.title': 'Delete webhook',
	'webhooks.delete.hint':
		'Deletes the webhook and its delivery log. Nothing more is sent to this URL.',
	'webhooks.delete.button': 'Delete webhook',
	'webhooks.signing.title': 'Receiving and verifying',
	'webhooks.signing.request':
		'Each delivery is a POST with a JSON body: text (one sentence with the account and a link), event, occurred_at and data (the ids and key facts). Headers: X-Keel-Event (the event), X-Keel-Delivery (the delivery’s id, the same on every retry), X-Keel-Timestamp (Unix seconds when sent) and X-Keel-Signature.',
	'webhooks.signing.verify':
		'To verify a request, compute the HMAC-SHA256 of the timestamp header, a dot and the raw body, keyed with the signing secret, and compare its hex digest with X-Keel-Signature after “sha256=”. Refuse a request whose timestamp is more than five minutes old.',
	'webhooks.signing.retries':
		'A receiver must answer 2xx within 10 seconds. Otherwise the delivery is tried again after 1 minute, 5 minutes, 30 minutes, 2 hours and 12 hours, and is then marked failed. Redirects are not followed. The log keeps 30 days.',
	'webhooks.error.url':
		'Enter an http:// or https:// address, without a user name or password in it.',
	'webhooks.error.noEvents': 'Choose at least one event.',
	'webhooks.error.notFailed': 'Only a failed delivery can be retried.',
	'webhooks.text.criticalFlag':
		'Critical churn risk on {account}: {reason}, {arr} ARR at risk. {link}',
	'webhooks.text.slaWarning':
		'{priority} escalation on {account} has used 75 % of its {clock} time: {title}. {link}',
	'webhooks.text.slaBreach':
		'{priority} escalation on {account} missed its {clock} target: {title}. {link}',
	'webhooks.text.p1Opened': 'P1 escalation opened on {account}: {title}. {link}',
	'webhooks.text.onboardingAtRisk':
		'Onboarding of {account} is at risk ({reasons}); go-live planned for {goLive}. {link}',
	'webhooks.text.test':
		'Test from Keel for the webhook “{name}”. If you can read this, deliveries arrive. {link}',
	'webhooks.clock.response': 'first response',
	'webhooks.clock.resolution': 'resolution',
	'webhooks.risk.phaseOverrun': 'phase {phase} at {days} days of its {target}',
	'webhooks.risk.requiredOverdue': 'required items overdue: {count}'
} as const;
