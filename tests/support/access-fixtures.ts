import { api, Client } from './access-client';
import { DEMO } from './browser';

/**
 * The demo objects the access matrix points its requests at, found once by reading pages and the
 * API as roles that may read them. Two scopes: `own` is an account csm1 is on the team of, sold
 * through partner@'s reseller (so csm1 and partner@ may work it); `other` is an account csm1 is
 * not on the team of and partner@'s reseller did not sell (csm2's, sold by partner2's reseller
 * where the demo has one), whose objects they must not reach.
 */
export type Scope = 'own' | 'other';
export const SCOPES: readonly Scope[] = ['own', 'other'];

/**
 * An object, the account it belongs to (for an account itself, both are its id), and the two
 * facts access turns on: is csm1 on that account's team, and did partner@'s reseller sell it.
 */
export interface Ref {
	account: number;
	id: number;
	csm1OnTeam: boolean;
	partners: boolean;
	/** For a follow-up: the review or escalation it belongs to. */
	parent?: number;
}

export interface ScopeFixture {
	account: Ref;
	contact: Ref;
	/** A row of the account team. */
	member: Ref;
	objective: Ref;
	/** An open task of a success-plan objective (a task in My work and the API too). */
	planTask: Ref & { objective: number };
	onboarding: Ref & { item: number; phase: number };
	review: Ref;
	/** A follow-up action (task) of a business review, and that review. */
	reviewAction: Ref & { parent: number };
	feedback: Ref;
	flag: Ref;
	escalation: Ref;
	/** A corrective action (task) of an escalation's post-mortem, and that escalation. */
	escalationAction: Ref & { parent: number };
	/** Someone on the account's team, for owner fields. */
	teamUser: number;
}

export interface Fixtures {
	own: ScopeFixture;
	other: ScopeFixture;
	users: Record<'csm1' | 'csm2' | 'manager' | 'partner2', number>;
	calendar: number;
	template: number;
	policy: number;
	cadence: { segment: string; kind: string };
	/** An id no webhook or import has: the demo holds none, so admins meet a 404 past the role check. */
	missing: number;
	/** One of csm2's notifications, which csm1 must not mark read. */
	notificationOfCsm2: number;
	/** Names of the accounts each partner may see, for checking lists and exports by content. */
	partnerAccounts: string[];
	partner2Accounts: string[];
}

/** A version no row has: a save with it is stale (409) once it gets past the access checks. */
export const STALE = 999_999;

interface AccountSummary {
	id: number;
	name: string;
	reseller_name: string | null;
	csm: { id: number; name: string } | null;
}

async function allPages<T>(baseURL: string, token: string, path: string): Promise<T[]> {
	const rows: T[] = [];
	let cursor: string | null = null;
	do {
		const sep = path.includes('?') ? '&' : '?';
		const url = `${path}${sep}limit=100${cursor ? `&cursor=${cursor}` : ''}`;
		const { outcome, json } = await api(baseURL, token, 'GET', url);
		if (outcome !== 'ok') throw new Error(`${url}: ${outcome}`);
		const page = json as { data: T[]; next_cursor: string | null };
		rows.push(...page.data);
		cursor = page.next_cursor;
	} while (cursor);
	return rows;
}

type PageRows = Record<string, unknown>;

export interface Sessions {
	manager: Client;
	admin: Client;
	csm1: Client;
	csm2: Client;
	partner: Client;
	partner2: Client;
}

/** Finds every fixture; `tokens` are write tokens of the manager and both partners. */
export async function findFixtures(
	baseURL: string,
	sessions: Sessions,
	tokens: Record<'manager' | 'partner' | 'partner2', string>
): Promise<Fixtures> {
	const { manager, admin } = sessions;
	const [csm1, csm2, managerId, partner2Id] = await Promise.all([
		sessions.csm1.userId(),
		sessions.csm2.userId(),
		manager.userId(),
		sessions.partner2.userId()
	]);
	const [accounts, partnerList, partner2List, escalations] = await Promise.all([
		allPages<AccountSummary>(baseURL, tokens.manager, '/accounts'),
		allPages<AccountSummary>(baseURL, tokens.partner, '/accounts'),
		allPages<AccountSummary>(baseURL, tokens.partner2, '/accounts'),
		allPages<{ id: number; account_id: number }>(baseURL, tokens.manager, '/escalations?state=all')
	]);
	const resellerOf = (list: AccountSummary[]) => {
		const names = new Set(list.map((a) => a.reseller_name));
		if (names.size !== 1 || !list[0]?.reseller_name)
			throw new Error('a partner without a reseller');
		return list[0].reseller_name;
	};
	const partnerReseller = resellerOf(partnerList);
	const partner2Reseller = resellerOf(partner2List);

	// Page data, read once per page as the manager (who reads every account).
	const cache = new Map<string, Promise<PageRows>>();
	const page = (path: string) => {
		if (!cache.has(path)) cache.set(path, manager.pageData<PageRows>(path));
		return cache.get(path)!;
	};
	const teamOf = async (account: number) =>
		(await page(`/accounts/${account}`)).team as { id: number; user_id: number }[];

	const byId = new Map(accounts.map((a) => [a.id, a]));
	const partnerAccount = (id: number) => byId.get(id)?.reseller_name === partnerReseller;
	// Strict candidates first (csm1's and partner@'s; csm2's and partner2's), then looser ones
	// with the same answer to "is csm1 on the team", for objects the strict ones lack.
	const candidates: Record<Scope, AccountSummary[]> = {
		own: [
			...accounts.filter((a) => a.csm?.id === csm1 && a.reseller_name === partnerReseller),
			...accounts.filter((a) => a.csm?.id === csm1)
		],
		other: [
			...accounts.filter((a) => a.csm?.id === csm2 && a.reseller_name === partner2Reseller),
			...accounts.filter((a) => a.csm?.id !== csm1 && a.reseller_name !== partnerReseller)
		]
	};

	/** The first account of the scope (in order) for which `find` finds something. */
	async function first<T extends { account: number; id: number }>(
		scope: Scope,
		what: string,
		find: (account: number) => Promise<T | undefined>
	): Promise<T & Ref> {
		for (const candidate of candidates[scope]) {
			const csm1OnTeam = (await teamOf(candidate.id)).some((m) => m.user_id === csm1);
			if (csm1OnTeam !== (scope === 'own')) continue;
			const found = await find(candidate.id);
			if (found !== undefined)
				return { ...found, csm1OnTeam, partners: partnerAccount(found.account) };
		}
		throw new Error(`no ${what} in the demo data for the ${scope} scope`);
	}

	async function scopeFixture(scope: Scope): Promise<ScopeFixture> {
		const account = await first(scope, 'account', async (id) => ({ account: id, id }));
		const at = (id: number): Ref => ({ ...account, id });
		const team = await teamOf(account.id);
		const contacts = (await page(`/accounts/${account.id}`)).contacts as { id: number }[];
		const objective = await first(scope, 'objective with an open task', async (id) => {
			const { objectives } = (await page(`/accounts/${id}/plan`)) as {
				objectives: { id: number; tasks: { id: number; status: string }[] }[];
			};
			for (const o of objectives) {
				const task = o.tasks.find((t) => t.status === 'open');
				if (task) return { account: id, id: o.id, task: task.id };
			}
			return undefined;
		});
		const onboarding = await first(scope, 'onboarding under way', async (id) => {
			const data = (await page(`/accounts/${id}/onboarding`)) as {
				onboarding: {
					id: number;
					status: string;
					phases: {
						id: number;
						skipped: boolean;
						completed_on: string | null;
						items: { id: number; status: string }[];
					}[];
				} | null;
			};
			// An open item of the phase under way: past access, only its version holds a save back.
			const under = data.onboarding?.phases.find((p) => !p.skipped && !p.completed_on);
			const item = under?.items.find((i) => i.status === 'open');
			if (data.onboarding?.status !== 'active' || !under || !item) return undefined;
			return { account: id, id: data.onboarding.id, item: item.id, phase: under.id };
		});
		const review = await first(scope, 'review', async (id) => {
			const { reviews } = (await page(`/accounts/${id}/reviews`)) as { reviews: { id: number }[] };
			return reviews[0] && { account: id, id: reviews[0].id };
		});
		const reviewAction = await first(scope, 'review follow-up', async (id) => {
			const { reviews } = (await page(`/accounts/${id}/reviews`)) as {
				reviews: { id: number; actions: number }[];
			};
			const withActions = reviews.find((r) => r.actions > 0);
			if (!withActions) return undefined;
			const detail = (await page(`/accounts/${id}/reviews/${withActions.id}`)) as {
				actions: { id: number }[];
			};
			const action = detail.actions[0];
			return action && { account: id, id: action.id, parent: withActions.id };
		});
		const feedback = await first(scope, 'feedback', async (id) => {
			const { rows } = (await page(`/accounts/${id}/feedback`)) as { rows: { id: number }[] };
			return rows[0] && { account: id, id: rows[0].id };
		});
		const flag = await first(scope, 'churn flag', async (id) => {
			const { flags } = (await page(`/accounts/${id}/risks`)) as { flags: { id: number }[] };
			return flags[0] && { account: id, id: flags[0].id };
		});
		const escalation = await first(scope, 'escalation', async (id) => {
			const found = escalations.find((e) => e.account_id === id);
			return found && { account: id, id: found.id };
		});
		const escalationAction = await first(scope, 'post-mortem action', async (id) => {
			for (const e of escalations.filter((x) => x.account_id === id)) {
				const { actions } = (await page(`/escalations/${e.id}`)) as { actions: { id: number }[] };
				if (actions[0]) return { account: id, id: actions[0].id, parent: e.id };
			}
			return undefined;
		});
		const member = team.find((m) => m.user_id !== csm1) ?? team[0]!;
		return {
			account,
			contact: at(contacts[0]!.id),
			member: at(member.id),
			objective: { ...objective, id: objective.id },
			planTask: { ...objective, id: objective.task, objective: objective.id },
			onboarding,
			review,
			reviewAction,
			feedback,
			flag,
			escalation,
			escalationAction,
			teamUser: team[0]!.user_id
		};
	}

	const [ownFixture, otherFixture, support, templates, cadences, csm2Notes] = await Promise.all([
		scopeFixture('own'),
		scopeFixture('other'),
		admin.pageData<{ calendars: { id: number }[]; policies: { id: number }[] }>('/admin/support'),
		admin.pageData<{ templates: { id: number }[] }>('/admin/templates'),
		admin.pageData<{ cadences: { segment: string; kind: string }[] }>('/admin/review-cadences'),
		sessions.csm2.pageData<{ items: { id: number }[] }>('/notifications')
	]);
	const notification = csm2Notes.items[0];
	if (!notification) throw new Error(`${DEMO.csm2} has no notification in the demo data`);
	return {
		own: ownFixture,
		other: otherFixture,
		users: { csm1, csm2, manager: managerId, partner2: partner2Id },
		calendar: support.calendars[0]!.id,
		policy: support.policies[0]!.id,
		template: templates.templates[0]!.id,
		cadence: cadences.cadences[0]!,
		missing: 2_000_000_000,
		notificationOfCsm2: notification.id,
		partnerAccounts: partnerList.map((a) => a.name),
		partner2Accounts: partner2List.map((a) => a.name)
	};
}
