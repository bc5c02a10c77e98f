/**
 * Pure planning of the demo portfolio: which users, resellers, accounts, account teams and
 * contacts to write. No database and no clock: the same (named users, accounts, seed, today)
 * always gives the same plan.
 */
import type {
	LifecycleStage,
	Locale,
	Region,
	Segment,
	SupportPackage,
	TeamRole,
	UserRole
} from '../../domain/vocabulary';
import type { DemoUser } from './demo-data';
import {
	addDays,
	arr,
	companyName,
	contacts,
	personName,
	renewalOffset,
	supportPackage,
	type PlannedContact
} from './demo-parts';
import { MARKETS, NOTES, RESELLERS, type Market, type MarketCode } from './demo-vocabulary';
import { createRng, type Rng } from './random';

export interface PlannedUser {
	email: string;
	name: string;
	role: UserRole;
	locale: Locale;
	timeZone: string;
	/** Index into `DemoPlan.resellers`, partner users only. */
	resellerIndex: number | null;
}

export interface PlannedAccount {
	externalId: string;
	name: string;
	segment: Segment;
	region: Region;
	timeZone: string;
	/** The language of the account's market: its notes, contacts and onboarding items use it. */
	locale: Locale;
	resellerIndex: number | null;
	supportPackage: SupportPackage;
	arr: number;
	renewalDate: string;
	lifecycleStage: LifecycleStage;
	notes: string;
	/** Indexes into `DemoPlan.users`, one per team role. */
	team: { userIndex: number; teamRole: TeamRole }[];
	contacts: PlannedContact[];
}

export interface DemoPlan {
	resellers: string[];
	users: PlannedUser[];
	accounts: PlannedAccount[];
}

/** Which markets the named CSMs and AM look after: csm1 spans every English-speaking market. */
const NAMED_COVERAGE: Record<string, readonly MarketCode[]> = {
	'csm1@keel.demo': ['NL', 'GB', 'DE', 'US_DAL', 'US_NY', 'SG'],
	'csm2@keel.demo': ['BR'],
	'csm3@keel.demo': ['MX', 'CO'],
	'sales@keel.demo': ['NL', 'GB', 'DE', 'US_DAL', 'US_NY']
};

/** Team roles staffed with generated users: their user role, email prefix, and headcount for n accounts. */
const STAFFING: readonly {
	teamRole: TeamRole;
	role: UserRole;
	prefix: string;
	count: (n: number) => number;
}[] = [
	{ teamRole: 'CSM', role: 'csm', prefix: 'csm', count: (n) => Math.max(3, Math.ceil(n / 70)) },
	{ teamRole: 'AM', role: 'sales', prefix: 'am', count: (n) => 1 + Math.ceil(n / 150) },
	{ teamRole: 'SE', role: 'sales', prefix: 'se', count: (n) => Math.max(2, Math.ceil(n / 400)) },
	{ teamRole: 'TAM', role: 'csm', prefix: 'tam', count: (n) => Math.max(2, Math.ceil(n / 400)) },
	{ teamRole: 'BA', role: 'sales', prefix: 'ba', count: (n) => Math.max(1, Math.ceil(n / 1000)) },
	{ teamRole: 'CPM', role: 'csm', prefix: 'cpm', count: (n) => Math.max(1, Math.ceil(n / 1000)) }
];

interface Staff {
	userIndex: number;
	covers: ReadonlySet<MarketCode>;
	regions: ReadonlySet<Region>;
	load: number;
}

export function planDemo(
	named: readonly DemoUser[],
	options: { accounts: number; seed: number; today: string }
): DemoPlan {
	const n = options.accounts;
	const root = createRng(options.seed);
	const staffRng = root.fork('staff');
	const rng = root.fork('accounts');

	const resellerCount = root.fork('resellers').int(4, 6);
	const resellers = RESELLERS.slice(0, resellerCount);

	const users: PlannedUser[] = named.map((u) => ({
		email: u.email,
		name: u.name,
		role: u.role,
		locale: u.locale,
		timeZone: u.timeZone,
		resellerIndex: u.resellerIndex ?? null
	}));
	const partnerOf = new Map<number, number>();
	users.forEach((u, i) => {
		if (u.resellerIndex !== null && !partnerOf.has(u.resellerIndex))
			partnerOf.set(u.resellerIndex, i);
	});

	const pools = new Map<TeamRole, Staff[]>();
	for (const staffing of STAFFING) {
		const pool: Staff[] = [];
		const namedTeamRole =
			staffing.teamRole === 'CSM' ? 'csm' : staffing.teamRole === 'AM' ? 'sales' : null;
		users.forEach((u, i) => {
			const covers = NAMED_COVERAGE[u.email];
			if (covers && u.role === namedTeamRole) pool.push(staff(i, covers));
		});
		for (let k = pool.length + 1; pool.length < staffing.count(n); k++) {
			const market = leastCoveredMarket(pool);
			const culture = market.culture;
			users.push({
				email: `${staffing.prefix}${k}@keel.demo`,
				name: personName(staffRng, culture).full,
				role: staffing.role,
				locale: market.locale,
				timeZone: market.timeZone,
				resellerIndex: null
			});
			pool.push(staff(users.length - 1, [market.code]));
		}
		pools.set(staffing.teamRole, pool);
	}
	const assign = (teamRole: TeamRole, market: Market) => {
		const chosen = chooseStaff(rng, pools.get(teamRole) ?? [], market);
		chosen.load++;
		return { userIndex: chosen.userIndex, teamRole };
	};

	const usedNames = new Set<string>();
	const idStart = rng.int(1000, 9999);
	const accounts: PlannedAccount[] = [];
	for (let i = 0; i < n; i++) {
		const market = rng.weighted(MARKETS.map((m) => [m, m.weight] as const));
		const segment = rng.weighted<Segment>([
			['enterprise', 15],
			['mid_market', 35],
			['smb', 50]
		]);
		const stage = rng.weighted<LifecycleStage>([
			['onboarding', 15],
			['adoption', 50],
			['expansion', 15],
			['renewal', 15],
			['churned', 5]
		]);
		const resellerShare = { enterprise: 0.15, mid_market: 0.3, smb: 0.35 }[segment];
		const resellerIndex = rng.chance(resellerShare)
			? rng.weighted(
					resellers.map((r, index) => [index, r.region === market.region ? 8 : 1] as const)
				)
			: null;
		const company = companyName(rng, market, usedNames);
		const ibx = rng.pick(market.ibx);
		const city = rng.pick(market.cities);

		const team = [assign('CSM', market), assign('AM', market)];
		if (segment === 'enterprise' || (segment === 'mid_market' && rng.chance(0.25)))
			team.push(assign('SE', market));
		if (segment === 'enterprise') team.push(assign('TAM', market));
		if (rng.chance(segment === 'enterprise' ? 0.3 : 0.08)) team.push(assign('BA', market));
		const cpmShare = stage === 'onboarding' ? 0.7 : stage === 'expansion' ? 0.3 : 0.03;
		if (rng.chance(cpmShare)) team.push(assign('CPM', market));
		const partner = resellerIndex === null ? undefined : partnerOf.get(resellerIndex);
		if (partner !== undefined) team.push({ userIndex: partner, teamRole: 'PARTNER_CSM' });

		const snippets = NOTES[market.locale];
		const fill = (text: string) =>
			text
				.replace('{ibx}', ibx)
				.replace('{city}', city)
				.replace('{n}', String(rng.int(2, 12)))
				.replace('{kva}', String(rng.pick([4, 6, 8, 10, 12, 16])))
				.replace(
					'{reseller}',
					resellerIndex === null ? '' : (resellers[resellerIndex]?.name ?? '')
				);
		const notes = [snippets.located, rng.pick(snippets.stage[stage])];
		if (rng.chance(0.6)) notes.push(rng.pick(snippets.general));
		if (resellerIndex !== null) notes.push(rng.pick(snippets.reseller));
		if (ibx === 'AM11') notes.push(snippets.am11);

		accounts.push({
			externalId: `CRM-${String(idStart + i * 3 + rng.int(0, 2)).padStart(6, '0')}`,
			name: company.name,
			segment,
			region: market.region,
			timeZone: market.timeZone,
			locale: market.locale,
			resellerIndex,
			supportPackage: supportPackage(rng, segment),
			arr: arr(rng, segment),
			renewalDate: addDays(options.today, renewalOffset(rng, stage)),
			lifecycleStage: stage,
			notes: notes.map(fill).join('\n'),
			team,
			contacts: contacts(rng, market, company.domain, segment, stage, options.today)
		});
	}
	return { resellers: resellers.map((r) => r.name), users, accounts };
}

function staff(userIndex: number, covers: readonly MarketCode[]): Staff {
	const regions = MARKETS.filter((m) => covers.includes(m.code)).map((m) => m.region);
	return { userIndex, covers: new Set(covers), regions: new Set(regions), load: 0 };
}

/** The market with the most accounts per person covering it (D'Hondt), for the next hire. */
function leastCoveredMarket(pool: readonly Staff[]): Market {
	let best = MARKETS[0] as Market;
	let bestScore = -1;
	for (const market of MARKETS) {
		const covering = pool.filter((s) => s.covers.has(market.code)).length;
		const score = market.weight / (covering + 1);
		if (score > bestScore) [best, bestScore] = [market, score];
	}
	return best;
}

/** Two random candidates from those covering the market (else its region, else anyone); the less loaded wins. */
function chooseStaff(rng: Rng, pool: readonly Staff[], market: Market): Staff {
	let candidates = pool.filter((s) => s.covers.has(market.code));
	if (candidates.length === 0) candidates = pool.filter((s) => s.regions.has(market.region));
	if (candidates.length === 0) candidates = [...pool];
	const a = rng.pick(candidates);
	const b = rng.pick(candidates);
	return b.load < a.load ? b : a;
}
