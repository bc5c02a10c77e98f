import type { Fields } from './access-client';
import type { OperationId } from '../../src/lib/server/api/api-spec';
import { STALE, type Fixtures, type Ref, type ScopeFixture } from './access-fixtures';

/**
 * Who may reach what: one rule for every route, page, form action, endpoint method and API
 * operation of Keel, per role (DESIGN.md "Who uses it"; src/lib/domain/access.ts). The access
 * matrix test checks this table against the route files, so a new route without a rule, or a
 * rule for a route that is gone, fails the suite.
 *
 * Roles: csm is csm1@, partner is partner@ (reseller A). Scoped rules run twice, about an object
 * of an account csm1 works and partner@'s reseller sold ("own"), and about one of an account
 * neither may touch ("other", csm2's and partner2's where the demo has one).
 */
export type SignedInRole = 'admin' | 'manager' | 'csm' | 'sales' | 'partner';
export type Role = 'anon' | SignedInRole;
export const SIGNED_IN_ROLES: readonly SignedInRole[] = [
	'admin',
	'manager',
	'csm',
	'sales',
	'partner'
];

/**
 * Allowed. A page, file or API read answers 200. A form action or API write gets past every
 * access check and is held back after them, so nothing changes: a create's empty body fails
 * validation (400); a well-formed body at a stale version is a conflict (409), or whatever the
 * rule's `held` names.
 */
export const PASS = 'pass';
/** A form action that really ran (only the user's own settings, undone straight after). */
export const DONE = 'ok';
export type Expect = typeof PASS | 'ok' | 'login' | 'redirect' | 400 | 401 | 403 | 404 | 405 | 409;

/** An answer that turns on the object's account: is csm1 on its team; did partner@'s reseller sell it. */
export interface Conditional {
	when: 'team' | 'reseller';
	yes: Expect;
	no: Expect;
}
export type RoleExpect = Expect | Conditional;
/** Every signed-in role, always; anonymous visitors default to the sign-in page under (app). */
export type Roles = Record<SignedInRole, RoleExpect> & { anon?: RoleExpect };

/** CSMs: only on accounts whose team they are on. */
export const TEAM: Conditional = { when: 'team', yes: PASS, no: 403 };
/** Partners: only their reseller's customers; another reseller's are "not found". */
export const RESELLER: Conditional = { when: 'reseller', yes: PASS, no: 404 };
/** Refused to partners, who do not even learn that another reseller's account exists. */
export const PARTNER_403: Conditional = { when: 'reseller', yes: 403, no: 404 };

const all = (expect: RoleExpect): Roles => ({
	admin: expect,
	manager: expect,
	csm: expect,
	sales: expect,
	partner: expect
});
const only = (allowed: SignedInRole[], refused: Expect = 403): Roles => {
	const roles = all(refused);
	for (const role of allowed) roles[role] = PASS;
	return roles;
};

/** Every role reads every account, except partners: their reseller's customers only. */
const READ: Roles = { ...all(PASS), partner: RESELLER };
/** Changing an account's data: managers anywhere, CSMs on their team (canEditAccount). */
const EDIT: Roles = { admin: 403, manager: PASS, csm: TEAM, sales: 403, partner: 403 };
/** Working follow-ups: as EDIT, and a reseller's partner CSM on its customers (canWorkTasks). */
const WORK: Roles = { ...EDIT, partner: RESELLER };
const MANAGER = only(['manager']);
/** Importers past the role check, about an import that does not exist. */
const IMPORT_404: Roles = { ...only(['admin', 'manager']), admin: 404, manager: 404 };
const ADMIN = only(['admin']);
const SIGNED_IN = all(PASS);

export interface PageRule {
	roles: Roles;
	/** A query string the page needs to answer at all (e.g. which table of an export). */
	query?: string;
}

export interface ActionRule {
	roles: Roles;
	/** The object the action is posted about; default: the route's (its account fills the URL). */
	at?: (s: ScopeFixture) => Ref;
	/** The URL's parameters for that object, when the route's do not fit. */
	params?: (ref: Ref, fx: Fixtures) => Params;
	/**
	 * A well-formed body about the object, at a stale version where it has one: refused roles
	 * post it (so a refusal is not a mere bad input), allowed roles get past access to a 409.
	 */
	body: (s: ScopeFixture, fx: Fixtures) => Fields;
	/** What allowed roles post instead, when the well-formed body would write (a create). */
	invalid?: Fields;
	/** What holds allowed roles back; default 400 with `invalid`, else 409 (stale). */
	held?: 400 | 404 | 409;
	/** A user's own setting with no input: allowed roles really post it, then this action undoes it. */
	undo?: string;
}

export interface MethodRule {
	roles: Roles;
	query?: string;
	body?: Fields | string;
	type?: string;
	/** Ends the session: posted from a session of its own, not the shared one. */
	freshSession?: boolean;
}

export type Params = Record<string, string | number>;

export interface RouteRule {
	/** The object a scoped route is about; unscoped routes run once, not per scope. */
	at?: (s: ScopeFixture) => Ref;
	/** The URL's parameters; default for a scoped route: `accountId` of the object. */
	params?: (ref: Ref | null, fx: Fixtures) => Params;
	page?: PageRule;
	actions?: Record<string, ActionRule>;
	methods?: Record<string, MethodRule>;
	/** Why a route is checked only up to a 404 (no demo object to reach). */
	note?: string;
}

export const DAY = '2099-01-15';
const PAST = '2000-01-03';
const account = (s: ScopeFixture) => s.account;
const feedbackParams = (ref: Ref | null) => ({ accountId: ref!.account, feedbackId: ref!.id });
const reviewParams = (ref: Ref | null) => ({ accountId: ref!.account, reviewId: ref!.id });

/** A well-formed account form (accountUpdateFields). */
export const accountForm = {
	name: 'Access matrix',
	segment: 'smb',
	region: 'emea',
	time_zone: 'Europe/Amsterdam',
	sales_channel: 'direct',
	reseller_id: '',
	support_package: 'standard',
	arr: 1,
	renewal_date: '',
	lifecycle_stage: 'adoption',
	notes: '',
	external_id: ''
};
export const objectiveForm = {
	title: 'Access matrix',
	criterion_kind: 'outcome',
	outcome: 'Access matrix',
	status: 'not_started',
	status_reason: ''
};
export const flagForm = {
	severity: 'low',
	reason: 'budget_cut',
	arr_at_risk: 0,
	summary: 'Access matrix'
};
export const reviewForm = {
	kind: 'cbr',
	title: 'Access matrix',
	date: DAY,
	time: '10:00',
	duration_minutes: 60
};
export const feedbackForm = {
	kind: 'comment',
	comment: 'Access matrix',
	source: 'call',
	received_on: '2026-01-05',
	status: 'new'
};

/** Creates: refused roles post the well-formed body, allowed ones an empty (invalid) one. */
const create = (roles: Roles, body: ActionRule['body']): ActionRule => ({
	roles,
	body,
	invalid: {}
});

export const ROUTES: Record<string, RouteRule> = {
	'/': { page: { roles: { ...all('redirect'), anon: 'login' } } },
	'/login': {
		page: { roles: { ...all('redirect'), anon: PASS } },
		// An empty form fails before any password is checked (no sign-in attempt is counted).
		actions: { default: { roles: { ...SIGNED_IN, anon: PASS }, body: () => ({}), held: 400 } }
	},
	'/logout': {
		methods: { POST: { roles: { ...all('login'), anon: 'login' }, body: {}, freshSession: true } }
	},
	'/locale': {
		// An unknown locale changes nothing, for visitors and users alike.
		methods: {
			POST: {
				roles: { ...all('redirect'), anon: 'redirect' },
				body: { locale: 'xx', redirectTo: '/' }
			}
		}
	},
	'/calendar/[token].ics': {
		// The token is the only key (no session): an unknown one is not found, for everyone.
		params: () => ({ token: 'a'.repeat(52) }),
		methods: { GET: { roles: { ...all(404), anon: 404 } } }
	},
	'/api/[...rest]': {
		params: () => ({ rest: 'nothing-here' }),
		methods: { fallback: { roles: { ...all(404), anon: 404 } } }
	},
	'/api/v1/openapi.json': {
		methods: {
			GET: { roles: { ...all(PASS), anon: PASS } },
			fallback: { roles: { ...all(405), anon: 405 } }
		}
	},

	'/accounts': { page: { roles: SIGNED_IN } },
	'/accounts/export.csv': { methods: { GET: { roles: SIGNED_IN } } },
	'/accounts/new': {
		page: { roles: MANAGER },
		actions: { default: create(MANAGER, () => accountForm) }
	},
	'/accounts/[accountId]': {
		at: account,
		page: { roles: READ },
		actions: {
			addMember: create(EDIT, (s) => ({ user_id: s.teamUser, team_role: 'SE' })),
			removeMember: {
				roles: EDIT,
				at: (s) => s.member,
				body: (s) => ({ id: s.member.id, version: STALE })
			},
			addContact: create(EDIT, () => ({ name: 'Access matrix' })),
			updateContact: {
				roles: EDIT,
				at: (s) => s.contact,
				body: (s) => ({ id: s.contact.id, version: STALE, name: 'Access matrix' })
			},
			removeContact: {
				roles: EDIT,
				at: (s) => s.contact,
				body: (s) => ({ id: s.contact.id, version: STALE })
			}
		}
	},
	'/accounts/[accountId]/adoption': {
		at: account,
		page: { roles: READ },
		actions: {
			record: create(EDIT, () => ({
				metric: 'colocation_cabinets',
				month: '2026-01',
				entitled: 1,
				used: 1,
				version: STALE
			}))
		}
	},
	'/accounts/[accountId]/edit': {
		at: account,
		page: { roles: { ...EDIT, partner: PARTNER_403 } },
		actions: { default: { roles: EDIT, body: () => ({ ...accountForm, version: STALE }) } }
	},
	'/accounts/[accountId]/escalations': {
		at: account,
		page: { roles: READ },
		actions: {
			open: create(WORK, () => ({
				title: 'Access matrix',
				priority: 'P4',
				category: 'outage',
				reported_via: 'email'
			}))
		}
	},
	'/accounts/[accountId]/feedback': {
		at: account,
		page: { roles: READ },
		actions: {
			capture: create(EDIT, () => feedbackForm),
			status: {
				roles: EDIT,
				at: (s) => s.feedback,
				body: (s) => ({ id: s.feedback.id, version: STALE, status: 'routed' })
			}
		}
	},
	'/accounts/[accountId]/feedback/[feedbackId]': {
		at: (s) => s.feedback,
		params: feedbackParams,
		// The response's edit form.
		page: { roles: { ...EDIT, partner: PARTNER_403 } },
		actions: {
			edit: { roles: EDIT, body: () => ({ ...feedbackForm, version: STALE }) },
			delete: { roles: MANAGER, body: () => ({ version: STALE }) }
		}
	},
	'/accounts/[accountId]/feedback/export.csv': {
		at: account,
		methods: { GET: { roles: READ } }
	},
	'/accounts/[accountId]/health': {
		at: account,
		page: { roles: READ },
		actions: {
			// An expiry in the past is refused after the access check, whatever the version.
			judge: {
				roles: EDIT,
				body: () => ({ band: 'red', reason: 'Access matrix', expires_on: PAST, version: '' }),
				held: 400
			},
			// The demo data holds no assessment: past access, there is none to clear.
			clearJudgement: { roles: EDIT, body: () => ({ version: STALE }), held: 404 }
		}
	},
	'/accounts/[accountId]/onboarding': {
		at: (s) => s.onboarding,
		params: (ref) => ({ accountId: ref!.account }),
		page: { roles: READ },
		actions: {
			start: create(EDIT, () => ({
				template_version_id: 1,
				start_date: '2026-01-05',
				target_go_live: '2026-03-02'
			})),
			done: { roles: WORK, body: (s) => ({ id: s.onboarding.item, version: STALE }) },
			reopen: { roles: WORK, body: (s) => ({ id: s.onboarding.item, version: STALE }) },
			skip: {
				roles: EDIT,
				body: (s) => ({ id: s.onboarding.item, version: STALE, reason: 'Access matrix' })
			},
			editItem: { roles: EDIT, body: (s) => ({ id: s.onboarding.item, version: STALE }) },
			addItem: create(EDIT, (s) => ({
				onboarding_id: s.onboarding.id,
				phase: '2',
				title: 'Access matrix'
			})),
			removeItem: { roles: EDIT, body: (s) => ({ id: s.onboarding.item, version: STALE }) },
			criterion: {
				roles: EDIT,
				body: (s) => ({ phase_id: s.onboarding.phase, version: STALE, index: '0', checked: 'true' })
			},
			// A version with no meeting yet would schedule one: an attendee nobody knows holds it back.
			kickoff: {
				roles: EDIT,
				body: (s) => ({
					onboarding_id: s.onboarding.id,
					date: DAY,
					time: '10:00',
					duration_minutes: 60,
					version: STALE,
					attendees: `contact:${STALE}`
				}),
				held: 400
			},
			handoff: {
				roles: EDIT,
				body: (s) => ({ onboarding_id: s.onboarding.id, version: STALE, note: 'Access matrix' })
			}
		}
	},
	'/accounts/[accountId]/onboarding/[onboardingId]/kickoff.ics': {
		at: (s) => s.onboarding,
		params: (ref) => ({ accountId: ref!.account, onboardingId: ref!.id }),
		note: 'the demo data schedules no kick-off meeting, so readers too meet a 404 (after the account check)',
		methods: { GET: { roles: { ...all(404), anon: 'login' } } }
	},
	'/accounts/[accountId]/plan': {
		at: (s) => s.objective,
		params: (ref) => ({ accountId: ref!.account }),
		page: { roles: READ },
		actions: {
			createObjective: create(EDIT, () => objectiveForm),
			editObjective: {
				roles: EDIT,
				body: (s) => ({ ...objectiveForm, id: s.objective.id, version: STALE })
			},
			status: {
				roles: EDIT,
				body: (s) => ({ id: s.objective.id, version: STALE, status: 'on_track' })
			},
			deleteObjective: { roles: EDIT, body: (s) => ({ id: s.objective.id, version: STALE }) },
			addTask: create(EDIT, (s) => ({ objective_id: s.objective.id, title: 'Access matrix' })),
			taskDone: { roles: WORK, body: (s) => ({ id: s.planTask.id, version: STALE }) },
			taskReopen: { roles: WORK, body: (s) => ({ id: s.planTask.id, version: STALE }) },
			removeTask: { roles: EDIT, body: (s) => ({ id: s.planTask.id, version: STALE }) }
		}
	},
	'/accounts/[accountId]/plan/print': { at: account, page: { roles: READ } },
	'/accounts/[accountId]/reviews': {
		at: account,
		page: { roles: READ },
		actions: { schedule: create(EDIT, () => reviewForm) }
	},
	'/accounts/[accountId]/reviews/[reviewId]': {
		at: (s) => s.review,
		params: reviewParams,
		page: { roles: READ },
		actions: {
			edit: { roles: EDIT, body: () => ({ ...reviewForm, version: STALE }) },
			hold: { roles: EDIT, body: () => ({ version: STALE, notes: 'Access matrix' }) },
			cancel: { roles: EDIT, body: () => ({ version: STALE, reason: 'Access matrix' }) },
			action: create(EDIT, (s) => ({
				title: 'Access matrix',
				owner_id: s.teamUser,
				due_date: DAY
			})),
			actionState: {
				roles: WORK,
				at: (s) => s.reviewAction,
				params: (ref) => ({ accountId: ref.account, reviewId: ref.parent! }),
				body: (s) => ({ id: s.reviewAction.id, version: STALE, done: 'on' })
			}
		}
	},
	'/accounts/[accountId]/reviews/[reviewId]/print': {
		at: (s) => s.review,
		params: reviewParams,
		page: { roles: READ }
	},
	'/accounts/[accountId]/reviews/[reviewId]/review.ics': {
		at: (s) => s.review,
		params: reviewParams,
		methods: { GET: { roles: READ } }
	},
	'/accounts/[accountId]/risks': {
		at: (s) => s.flag,
		params: (ref) => ({ accountId: ref!.account }),
		// Churn risk is the vendor's own read of a customer: never shown to a reseller's partner.
		page: { roles: { ...all(PASS), partner: PARTNER_403 } },
		actions: {
			raise: create(EDIT, () => flagForm),
			edit: { roles: EDIT, body: (s) => ({ ...flagForm, id: s.flag.id, version: STALE }) },
			status: {
				roles: EDIT,
				body: (s) => ({ id: s.flag.id, version: STALE, status: 'mitigating' })
			},
			mitigation: create(EDIT, (s) => ({ id: s.flag.id, body: 'Access matrix' })),
			// Sales comment on and acknowledge any flag they can read; that is all they write.
			comment: create({ ...EDIT, sales: PASS }, (s) => ({ id: s.flag.id, body: 'Access matrix' })),
			acknowledge: create(only(['manager', 'sales']), (s) => ({ id: s.flag.id }))
		}
	},

	'/admin/health-model': {
		page: { roles: ADMIN },
		actions: {
			save: {
				roles: ADMIN,
				body: () => ({
					segment: '',
					w_adoption: 30,
					w_engagement: 20,
					w_progress: 20,
					w_support: 20,
					w_sentiment: 10,
					red_up_to: 50,
					yellow_up_to: 75,
					version: STALE
				})
			},
			// No segment has a model of its own in the demo data: past the role check, a 404.
			remove: { roles: ADMIN, body: () => ({ segment: 'enterprise', version: STALE }), held: 404 }
		}
	},
	'/admin/review-cadences': {
		page: { roles: ADMIN },
		actions: {
			add: create(ADMIN, (_s, fx) => ({ ...fx.cadence, every_months: 6 })),
			save: {
				roles: ADMIN,
				body: (_s, fx) => ({ ...fx.cadence, every_months: 6, version: STALE })
			},
			remove: { roles: ADMIN, body: (_s, fx) => ({ ...fx.cadence, version: STALE }) }
		}
	},
	'/admin/support': {
		page: { roles: ADMIN },
		actions: {
			region: create(ADMIN, (_s, fx) => ({ region: 'emea', calendar_id: fx.calendar })),
			policy: {
				roles: ADMIN,
				body: (_s, fx) => ({
					id: fx.policy,
					version: STALE,
					response_minutes: 60,
					resolution_minutes: '',
					clock: '24x7'
				})
			}
		}
	},
	'/admin/support/calendars/new': {
		page: { roles: ADMIN },
		actions: {
			save: create(ADMIN, () => ({
				name: 'Access matrix',
				time_zone: 'UTC',
				version: 0,
				holidays: ''
			}))
		}
	},
	'/admin/support/calendars/[calendarId]': {
		params: (_ref, fx) => ({ calendarId: fx.calendar }),
		page: { roles: ADMIN },
		actions: {
			save: {
				roles: ADMIN,
				body: () => ({
					name: 'Access matrix',
					time_zone: 'UTC',
					version: STALE,
					holidays: '',
					open_1_1: '09:00',
					close_1_1: '17:00'
				})
			},
			delete: { roles: ADMIN, body: () => ({ version: STALE }) }
		}
	},
	'/admin/templates': {
		page: { roles: ADMIN },
		actions: {
			create: create(ADMIN, () => ({ name: 'Access matrix' })),
			duplicate: create(ADMIN, (_s, fx) => ({ id: fx.template })),
			archive: { roles: ADMIN, body: (_s, fx) => ({ id: fx.template, version: STALE }) },
			restore: { roles: ADMIN, body: (_s, fx) => ({ id: fx.template, version: STALE }) }
		}
	},
	'/admin/templates/[templateId]': {
		params: (_ref, fx) => ({ templateId: fx.template }),
		page: { roles: ADMIN },
		// The template form is read whole: an empty one is refused at its fields, past the role check.
		actions: { default: { roles: ADMIN, body: () => ({ version: STALE }), held: 400 } }
	},
	'/admin/users': {
		page: { roles: ADMIN },
		actions: {
			create: create(ADMIN, () => ({
				email: 'access-matrix@keel.demo',
				name: 'Access matrix',
				role: 'admin',
				password: 'access-matrix-2026'
			})),
			changeRole: {
				roles: ADMIN,
				body: (_s, fx) => ({ id: fx.users.csm2, version: STALE, role: 'admin' })
			},
			disable: { roles: ADMIN, body: (_s, fx) => ({ id: fx.users.csm2, version: STALE }) },
			enable: { roles: ADMIN, body: (_s, fx) => ({ id: fx.users.csm2, version: STALE }) }
		}
	},
	'/admin/webhooks': { page: { roles: ADMIN } },
	'/admin/webhooks/new': {
		page: { roles: ADMIN },
		actions: {
			save: create(ADMIN, () => ({
				url: 'https://example.com/keel',
				locale: 'en',
				version: 0,
				'event.churn_flag.raised': 'on'
			}))
		}
	},
	'/admin/webhooks/[webhookId]': {
		params: (_ref, fx) => ({ webhookId: fx.missing }),
		note: 'the demo data has no webhook: admins get past the role check to a 404',
		page: { roles: { ...ADMIN, admin: 404 } },
		actions: {
			save: create(ADMIN, () => ({
				url: 'https://example.com/keel',
				locale: 'en',
				version: STALE
			})),
			rotate: { roles: { ...ADMIN, admin: 404 }, body: () => ({ version: STALE }) },
			test: { roles: { ...ADMIN, admin: 404 }, body: () => ({}) },
			retry: { roles: { ...ADMIN, admin: 404 }, body: () => ({ delivery_id: 1 }) },
			delete: { roles: { ...ADMIN, admin: 404 }, body: () => ({ version: STALE }) }
		}
	},

	'/adoption': { page: { roles: MANAGER } },
	'/adoption/export.csv': { methods: { GET: { roles: MANAGER, query: '?table=utilisation' } } },
	'/escalations': { page: { roles: SIGNED_IN } },
	'/escalations/export.csv': { methods: { GET: { roles: SIGNED_IN } } },
	'/escalations/postmortems': { page: { roles: SIGNED_IN } },
	'/escalations/postmortems/export.csv': { methods: { GET: { roles: SIGNED_IN } } },
	'/escalations/[escalationId]': {
		at: (s) => s.escalation,
		params: (ref) => ({ escalationId: ref!.id }),
		page: { roles: READ },
		actions: {
			status: { roles: EDIT, body: () => ({ version: STALE, status: 'in_progress' }) },
			priority: {
				roles: EDIT,
				body: () => ({ version: STALE, priority: 'P3', reason: 'Access matrix' })
			},
			assign: { roles: EDIT, body: () => ({ version: STALE }) },
			recompute: { roles: EDIT, body: () => ({ version: STALE }) },
			comment: create(WORK, () => ({ body: 'Access matrix' })),
			postmortem: {
				roles: EDIT,
				body: () => ({ root_cause: 'Access matrix', summary: 'Access matrix', version: STALE })
			},
			action: create(EDIT, (s) => ({
				title: 'Access matrix',
				owner_id: s.teamUser,
				due_date: DAY
			})),
			actionState: {
				roles: WORK,
				at: (s) => s.escalationAction,
				params: (ref) => ({ escalationId: ref.parent! }),
				body: (s) => ({ id: s.escalationAction.id, version: STALE, done: 'on' })
			}
		}
	},
	'/feedback': { page: { roles: only(['manager', 'csm']) } },
	'/feedback/trends.csv': {
		methods: { GET: { roles: only(['manager', 'csm']), query: '?chart=nps' } }
	},
	'/health': { page: { roles: MANAGER } },
	'/health/export.csv': { methods: { GET: { roles: MANAGER } } },
	'/imports': {
		page: { roles: only(['admin', 'manager']) },
		actions: {
			create: create(only(['admin', 'manager']), () => ({
				kind: 'accounts',
				source: 'Access matrix',
				filename: 'access.csv',
				parts: '1'
			}))
		}
	},
	'/imports/[importId]': {
		params: (_ref, fx) => ({ importId: fx.missing }),
		note: 'the demo data has no import: importers get past the role check to a 404',
		page: { roles: IMPORT_404 },
		actions: {
			check: { roles: IMPORT_404, body: () => ({ version: STALE }) },
			commit: { roles: IMPORT_404, body: () => ({ version: STALE }) },
			discard: { roles: IMPORT_404, body: () => ({}) }
		}
	},
	'/imports/[importId]/errors.csv': {
		params: (_ref, fx) => ({ importId: fx.missing }),
		note: 'no import in the demo data',
		methods: { GET: { roles: IMPORT_404 } }
	},
	'/imports/[importId]/file': {
		params: (_ref, fx) => ({ importId: fx.missing }),
		note: 'no import in the demo data',
		methods: {
			PUT: { roles: IMPORT_404, query: '?offset=0&final=1', body: 'a,b\r\n', type: 'text/csv' }
		}
	},
	'/my-work': {
		page: { roles: SIGNED_IN },
		actions: {
			// Through the section the task belongs to: whoever may work the account's tasks.
			complete: {
				roles: WORK,
				at: (s) => s.planTask,
				params: () => ({}),
				body: (s) => ({ id: s.planTask.id, version: STALE })
			}
		}
	},
	'/my-work/export.csv': { methods: { GET: { roles: SIGNED_IN } } },
	'/notifications': {
		page: { roles: SIGNED_IN },
		actions: {
			read: create(SIGNED_IN, (_s, fx) => ({ id: fx.notificationOfCsm2 })),
			readAll: create(SIGNED_IN, () => ({ up_to: 0 }))
		}
	},
	'/onboarding': { page: { roles: SIGNED_IN } },
	'/onboarding/export.csv': { methods: { GET: { roles: SIGNED_IN } } },
	'/reviews': { page: { roles: { ...SIGNED_IN, admin: 403 } } },
	'/reviews/export.csv': { methods: { GET: { roles: { ...SIGNED_IN, admin: 403 } } } },
	// The portfolio risk list is for managers and sales; CSMs see flags on their accounts' pages.
	'/risks': {
		page: { roles: only(['manager', 'sales']) },
		actions: {
			acknowledge: {
				...create(only(['manager', 'sales']), (s) => ({
					id: s.flag.id,
					account_id: s.flag.account
				})),
				at: (s) => s.flag,
				params: () => ({})
			}
		}
	},
	'/risks/export.csv': { methods: { GET: { roles: only(['manager', 'sales']) } } },
	'/settings': {
		page: { roles: SIGNED_IN },
		actions: {
			preferences: create(SIGNED_IN, () => ({ locale: 'en', time_zone: 'UTC' })),
			password: create(SIGNED_IN, () => ({ current_password: 'x', new_password: 'y' }))
		}
	},
	'/settings/calendar': {
		page: { roles: SIGNED_IN },
		actions: {
			// A user's own feed, no input: made for real and removed again.
			create: { roles: all(DONE), body: () => ({}), undo: 'remove' },
			remove: { roles: all(DONE), body: () => ({}) }
		}
	},
	'/settings/tokens': {
		page: { roles: SIGNED_IN },
		actions: {
			create: create(SIGNED_IN, () => ({ name: 'Access matrix', access: 'read' })),
			revoke: create(SIGNED_IN, () => ({ id: 1 }))
		}
	}
};

/**
 * The API's operations (src/lib/server/api/api-spec.ts), per role holding a read-and-write
 * token; without a token every operation answers 401. Scoped rules name the object whose id
 * fills the path.
 */
export interface ApiRule {
	roles: Roles;
	at?: (s: ScopeFixture) => Ref;
	query?: string;
	/** A well-formed body (stale where it has a version); what refused roles send. */
	body?: (s: ScopeFixture, fx: Fixtures) => Record<string, unknown>;
	/** What allowed roles send instead, when the well-formed body would write. */
	invalid?: Record<string, unknown>;
	held?: 400 | 404 | 409;
}

export const API: Record<OperationId, ApiRule> = {
	listAccounts: { roles: SIGNED_IN },
	getAccount: { roles: READ, at: account },
	getAccountHealth: { roles: READ, at: account },
	listChurnFlags: { roles: only(['manager', 'sales']) },
	getChurnFlag: { roles: { ...all(PASS), partner: PARTNER_403 }, at: (s) => s.flag },
	addChurnFlagNote: {
		roles: { ...EDIT, sales: PASS, partner: PARTNER_403 },
		at: (s) => s.flag,
		body: () => ({ kind: 'comment', body: 'Access matrix' }),
		invalid: { kind: 'comment' }
	},
	listTasks: { roles: SIGNED_IN },
	getTask: { roles: READ, at: (s) => s.planTask },
	completeTask: { roles: WORK, at: (s) => s.planTask, body: () => ({ version: STALE }) },
	reopenTask: { roles: WORK, at: (s) => s.planTask, body: () => ({ version: STALE }) },
	listHealth: { roles: MANAGER },
	listEscalations: { roles: SIGNED_IN },
	getEscalation: { roles: READ, at: (s) => s.escalation },
	listReviews: { roles: { ...SIGNED_IN, admin: 403 } },
	getReview: { roles: READ, at: (s) => s.review },
	listAccountFeedback: { roles: READ, at: account },
	createFeedback: {
		roles: { ...EDIT, partner: PARTNER_403 },
		at: account,
		body: () => feedbackForm,
		invalid: {}
	},
	getFeedback: { roles: READ, at: (s) => s.feedback }
};
