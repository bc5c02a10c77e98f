import type { Fields } from './access-client';
import { STALE, type Fixtures, type Ref, type ScopeFixture } from './access-fixtures';
import {
	DAY,
	feedbackForm,
	flagForm,
	objectiveForm,
	reviewForm,
	type Expect,
	type Params,
	type SignedInRole
} from './access-rules';

/**
 * IDOR through hidden form fields: the URL names an object the role may work (the own scope),
 * the form names another account's object (the other scope). The object is not on the URL's
 * account, so it is not found there; follow-ups whose forms carry no account are checked
 * against the task's own account instead.
 */
export interface CrossRule {
	/** A key of ROUTES. */
	route: string;
	/** A form action of it; absent: the page itself, with the other object's id in the URL. */
	action?: string;
	/** The URL's parameters (own objects, or for a page the other object inside an own URL). */
	params: (fx: Fixtures) => Params;
	body?: (own: ScopeFixture, other: ScopeFixture, fx: Fixtures) => Fields;
	roles: Partial<Record<SignedInRole, Expect>>;
	/** For a refusal by the form (400): the field error it must name. */
	error?: RegExp;
}

const ownAccount = (fx: Fixtures) => ({ accountId: fx.own.account.id });
const ownAt = (pick: (s: ScopeFixture) => Ref) => (fx: Fixtures) => ({
	accountId: pick(fx.own).account
});
const EDITORS_404 = { csm: 404, manager: 404 } as const;
const WORKERS_404 = { csm: 404, manager: 404, partner: 404 } as const;

export const CROSS: CrossRule[] = [
	{
		route: '/accounts/[accountId]',
		action: 'removeMember',
		params: ownAccount,
		body: (_o, other) => ({ id: other.member.id, version: STALE }),
		roles: EDITORS_404
	},
	{
		route: '/accounts/[accountId]',
		action: 'updateContact',
		params: ownAccount,
		body: (_o, other) => ({ id: other.contact.id, version: STALE, name: 'Access matrix' }),
		roles: EDITORS_404
	},
	{
		route: '/accounts/[accountId]',
		action: 'removeContact',
		params: ownAccount,
		body: (_o, other) => ({ id: other.contact.id, version: STALE }),
		roles: EDITORS_404
	},
	{
		route: '/accounts/[accountId]/feedback',
		action: 'status',
		params: ownAt((s) => s.feedback),
		body: (_o, other) => ({ id: other.feedback.id, version: STALE, status: 'routed' }),
		roles: EDITORS_404
	},
	{
		route: '/accounts/[accountId]/feedback/[feedbackId]',
		params: (fx) => ({ accountId: fx.own.feedback.account, feedbackId: fx.other.feedback.id }),
		roles: { admin: 404, manager: 404, csm: 404, sales: 404, partner: 404 }
	},
	{
		route: '/accounts/[accountId]/feedback/[feedbackId]',
		action: 'edit',
		params: (fx) => ({ accountId: fx.own.feedback.account, feedbackId: fx.other.feedback.id }),
		body: () => ({ ...feedbackForm, version: STALE }),
		roles: EDITORS_404
	},
	{
		route: '/accounts/[accountId]/feedback/[feedbackId]',
		action: 'delete',
		params: (fx) => ({ accountId: fx.own.feedback.account, feedbackId: fx.other.feedback.id }),
		body: () => ({ version: STALE }),
		roles: { manager: 404 }
	},
	...(['done', 'reopen'] as const).map((action): CrossRule => ({
		route: '/accounts/[accountId]/onboarding',
		action,
		params: ownAt((s) => s.onboarding),
		body: (_o, other) => ({ id: other.onboarding.item, version: STALE }),
		roles: WORKERS_404
	})),
	...(['skip', 'editItem', 'removeItem'] as const).map((action): CrossRule => ({
		route: '/accounts/[accountId]/onboarding',
		action,
		params: ownAt((s) => s.onboarding),
		body: (_o, other) => ({ id: other.onboarding.item, version: STALE, reason: 'Access matrix' }),
		roles: EDITORS_404
	})),
	{
		route: '/accounts/[accountId]/onboarding',
		action: 'addItem',
		params: ownAt((s) => s.onboarding),
		body: (_o, other) => ({
			onboarding_id: other.onboarding.id,
			phase: '2',
			title: 'Access matrix'
		}),
		roles: EDITORS_404
	},
	{
		route: '/accounts/[accountId]/onboarding',
		action: 'criterion',
		params: ownAt((s) => s.onboarding),
		body: (_o, other) => ({
			phase_id: other.onboarding.phase,
			version: STALE,
			index: '0',
			checked: 'true'
		}),
		roles: EDITORS_404
	},
	{
		route: '/accounts/[accountId]/onboarding',
		action: 'kickoff',
		params: ownAt((s) => s.onboarding),
		body: (_o, other) => ({
			onboarding_id: other.onboarding.id,
			date: DAY,
			time: '10:00',
			duration_minutes: 60,
			version: STALE
		}),
		roles: EDITORS_404
	},
	{
		route: '/accounts/[accountId]/onboarding',
		action: 'handoff',
		params: ownAt((s) => s.onboarding),
		body: (_o, other) => ({
			onboarding_id: other.onboarding.id,
			version: STALE,
			note: 'Access matrix'
		}),
		roles: EDITORS_404
	},
	...(['editObjective', 'status', 'deleteObjective'] as const).map((action): CrossRule => ({
		route: '/accounts/[accountId]/plan',
		action,
		params: ownAt((s) => s.objective),
		body: (_o, other) => ({
			...objectiveForm,
			id: other.objective.id,
			version: STALE,
			status: 'on_track'
		}),
		roles: EDITORS_404
	})),
	{
		route: '/accounts/[accountId]/plan',
		action: 'addTask',
		params: ownAt((s) => s.objective),
		body: (_o, other) => ({ objective_id: other.objective.id, title: 'Access matrix' }),
		roles: EDITORS_404
	},
	...(['taskDone', 'taskReopen'] as const).map((action): CrossRule => ({
		route: '/accounts/[accountId]/plan',
		action,
		params: ownAt((s) => s.objective),
		body: (_o, other) => ({ id: other.planTask.id, version: STALE }),
		roles: WORKERS_404
	})),
	{
		route: '/accounts/[accountId]/plan',
		action: 'removeTask',
		params: ownAt((s) => s.objective),
		body: (_o, other) => ({ id: other.planTask.id, version: STALE }),
		roles: EDITORS_404
	},
	{
		route: '/accounts/[accountId]/reviews/[reviewId]',
		params: (fx) => ({ accountId: fx.own.review.account, reviewId: fx.other.review.id }),
		roles: { admin: 404, manager: 404, csm: 404, sales: 404, partner: 404 }
	},
	...(['edit', 'hold', 'cancel'] as const).map((action): CrossRule => ({
		route: '/accounts/[accountId]/reviews/[reviewId]',
		action,
		params: (fx) => ({ accountId: fx.own.review.account, reviewId: fx.other.review.id }),
		body: () => ({ ...reviewForm, version: STALE, notes: 'x', reason: 'x' }),
		roles: EDITORS_404
	})),
	{
		route: '/accounts/[accountId]/reviews/[reviewId]',
		action: 'action',
		params: (fx) => ({ accountId: fx.own.review.account, reviewId: fx.other.review.id }),
		body: (own) => ({ title: 'Access matrix', owner_id: own.teamUser, due_date: DAY }),
		roles: EDITORS_404
	},
	{
		// The follow-up's form names only the task: it is checked against the task's account.
		route: '/accounts/[accountId]/reviews/[reviewId]',
		action: 'actionState',
		params: (fx) => ({ accountId: fx.own.review.account, reviewId: fx.own.review.id }),
		body: (_o, other) => ({ id: other.reviewAction.id, version: STALE, done: 'on' }),
		roles: { csm: 403, partner: 404 }
	},
	...(['edit', 'status', 'mitigation', 'comment'] as const).map((action): CrossRule => ({
		route: '/accounts/[accountId]/risks',
		action,
		params: ownAt((s) => s.flag),
		body: (_o, other) => ({
			...flagForm,
			id: other.flag.id,
			version: STALE,
			status: 'mitigating',
			body: 'Access matrix'
		}),
		roles: action === 'comment' ? { ...EDITORS_404, sales: 404 } : EDITORS_404
	})),
	{
		route: '/accounts/[accountId]/risks',
		action: 'acknowledge',
		params: ownAt((s) => s.flag),
		body: (_o, other) => ({ id: other.flag.id }),
		roles: { manager: 404, sales: 404 }
	},
	{
		route: '/risks',
		action: 'acknowledge',
		params: () => ({}),
		body: (own, other) => ({ id: other.flag.id, account_id: own.flag.account }),
		roles: { manager: 404, sales: 404 }
	},
	{
		route: '/escalations/[escalationId]',
		action: 'actionState',
		params: (fx) => ({ escalationId: fx.own.escalation.id }),
		body: (_o, other) => ({ id: other.escalationAction.id, version: STALE, done: 'on' }),
		roles: { csm: 403, partner: 404 }
	},
	// Creates naming another account's contact, review or people: refused at the field.
	{
		route: '/accounts/[accountId]/escalations',
		action: 'open',
		params: ownAccount,
		body: (_o, other) => ({
			title: 'Access matrix',
			priority: 'P4',
			category: 'outage',
			reported_via: 'email',
			contact_id: other.contact.id
		}),
		roles: { csm: 400, manager: 400, partner: 400 },
		error: /contactNotOnAccount/
	},
	{
		route: '/accounts/[accountId]/feedback',
		action: 'capture',
		params: ownAccount,
		body: (_o, other) => ({ ...feedbackForm, contact_id: other.contact.id }),
		roles: { csm: 400, manager: 400 },
		error: /contactNotOnAccount/
	},
	{
		route: '/accounts/[accountId]/feedback',
		action: 'capture',
		params: ownAccount,
		body: (_o, other) => ({ ...feedbackForm, source: 'cbr', review_id: other.review.id }),
		roles: { csm: 400, manager: 400 },
		error: /reviewNotOnAccount/
	},
	{
		route: '/accounts/[accountId]/reviews',
		action: 'schedule',
		params: ownAccount,
		body: (_o, other) => ({ ...reviewForm, [`attendee:contact:${other.contact.id}`]: 'on' }),
		roles: { csm: 400, manager: 400 },
		error: /attendees/
	},
	{
		route: '/accounts/[accountId]/onboarding',
		action: 'kickoff',
		params: ownAt((s) => s.onboarding),
		body: (own, other) => ({
			onboarding_id: own.onboarding.id,
			date: DAY,
			time: '10:00',
			duration_minutes: 60,
			version: '',
			attendees: `contact:${other.contact.id}`
		}),
		roles: { csm: 400, manager: 400 },
		error: /attendees/
	},
	{
		route: '/accounts/[accountId]/plan',
		action: 'addTask',
		params: ownAt((s) => s.objective),
		body: (own, _other, fx) => ({
			objective_id: own.objective.id,
			title: 'Access matrix',
			owner_user_id: fx.users.csm2
		}),
		roles: { csm: 400, manager: 400 },
		error: /ownerNotOnTeam/
	},
	{
		route: '/notifications',
		action: 'read',
		params: () => ({}),
		body: (_o, _other, fx) => ({ id: fx.notificationOfCsm2 }),
		roles: { csm: 404, manager: 404, partner: 404 }
	}
];
