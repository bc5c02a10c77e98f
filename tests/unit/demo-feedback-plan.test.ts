import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, todayIn } from '../../src/lib/domain/dates';
import { needsFollowUp, netPromoterScore, npsGroup } from '../../src/lib/domain/feedback';
import type { Locale } from '../../src/lib/domain/vocabulary';
import { DEMO_USERS } from '../../src/lib/server/demo/demo-data';
import {
	followUpTitle,
	planFeedback,
	type FeedbackPlanOptions,
	type FollowUpWording,
	type PlannedFeedback
} from '../../src/lib/server/demo/demo-feedback-plan';
import { FEEDBACK_TEXT } from '../../src/lib/server/demo/demo-feedback-text';
import { planDemo } from '../../src/lib/server/demo/demo-plan';
import {
	customerSince,
	planReviews,
	type DemoCadence
} from '../../src/lib/server/demo/demo-reviews-plan';

const TODAY = '2026-11-22';
const NOW = new Date(`${TODAY}T12:00:00Z`);
const SEED = 42;
const CADENCES: DemoCadence[] = [
	{ segment: 'enterprise', kind: 'cbr', everyMonths: 3 },
	{ segment: 'enterprise', kind: 'obr', everyMonths: 6 },
	{ segment: 'mid_market', kind: 'cbr', everyMonths: 6 },
	{ segment: 'smb', kind: 'cbr', everyMonths: 12 }
];
/** Told apart by language, so a title in the wrong one shows. */
const wording = (tag: string): FollowUpWording => ({
	title: `${tag}: follow up on {score}`,
	titleFrom: `${tag}: follow up on {score} from {contact}`,
	nps: 'NPS',
	csat: 'CSAT'
});
const TITLES: Record<Locale, FollowUpWording> = {
	en: wording('en'),
	'pt-BR': wording('pt'),
	es: wording('es')
};

const plan = planDemo(DEMO_USERS, { accounts: 2000, seed: SEED, today: TODAY });
const { reviews } = planReviews(plan, CADENCES, { seed: SEED, now: NOW });
const options: FeedbackPlanOptions = { seed: SEED, today: TODAY, now: NOW, titles: TITLES };
const rows = [...planFeedback(plan, reviews, options)];
const accountOf = (f: PlannedFeedback) => plan.accounts[f.accountIndex]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const nps = (list: PlannedFeedback[]) => {
	const scores = list.filter((f) => f.kind === 'nps').map((f) => npsGroup(f.score!));
	return netPromoterScore({
		promoters: scores.filter((g) => g === 'promoter').length,
		passives: scores.filter((g) => g === 'passive').length,
		detractors: scores.filter((g) => g === 'detractor').length
	})!;
};
const scores = (list: PlannedFeedback[], kind: 'nps' | 'csat') =>
	list.filter((f) => f.kind === kind).map((f) => f.score!);
const perAccount = (keep: (i: number) => boolean) => {
	const accounts = plan.accounts.map((_, i) => i).filter(keep);
	const n = rows.filter((f) => keep(f.accountIndex)).length;
	return n / accounts.length;
};

describe('planFeedback', () => {
	it('plans the same responses for the same plan, reviews, seed and moment', () => {
		const again = [...planFeedback(plan, reviews, options)];
		expect(JSON.stringify(again)).toBe(JSON.stringify(rows));
		const other = [...planFeedback(plan, reviews, { ...options, seed: SEED + 1 })];
		expect(JSON.stringify(other)).not.toBe(JSON.stringify(rows));
	});

	it('gives 8–40 responses an account over two years, and never one after today', () => {
		const established = (i: number) =>
			!['onboarding', 'churned'].includes(plan.accounts[i]!.lifecycleStage);
		const counts = new Map<number, number>();
		for (const f of rows) counts.set(f.accountIndex, (counts.get(f.accountIndex) ?? 0) + 1);
		for (const [i, n] of counts) {
			if (!established(i)) continue;
			expect(n, plan.accounts[i]!.name).toBeGreaterThanOrEqual(5);
			expect(n, plan.accounts[i]!.name).toBeLessThanOrEqual(40);
		}
		const bySegment = (segment: string) =>
			perAccount((i) => established(i) && plan.accounts[i]!.segment === segment);
		expect(bySegment('enterprise')).toBeGreaterThan(bySegment('mid_market'));
		expect(bySegment('mid_market')).toBeGreaterThan(bySegment('smb'));
		for (const f of rows) {
			const account = accountOf(f);
			const today = todayIn(account.timeZone, NOW);
			expect(f.receivedOn <= today && f.receivedOn <= TODAY, account.name).toBe(true);
			expect(f.receivedOn > addMonths(today, -24), account.name).toBe(true);
			// A new customer since it became one; a customer that left until it left.
			const since = customerSince(account, today);
			if (since) expect(f.receivedOn >= since, account.name).toBe(true);
			if (account.lifecycleStage === 'churned') {
				expect(f.receivedOn < account.renewalDate, account.name).toBe(true);
			}
			expect(Date.parse(f.createdAt) <= NOW.getTime()).toBe(true);
			expect(f.updatedAt >= f.createdAt).toBe(true);
		}
	});

	it('scales to a volume asked for, in the same shares', () => {
		const small = planDemo(DEMO_USERS, { accounts: 300, seed: SEED, today: TODAY });
		const smallReviews = planReviews(small, CADENCES, { seed: SEED, now: NOW }).reviews;
		const volume = 30_000;
		const scaled = [...planFeedback(small, smallReviews, { ...options, volume })];
		expect(Math.abs(scaled.length - volume)).toBeLessThan(volume * 0.01);
		const per = (segment: string) => {
			const n = small.accounts.filter((a) => a.segment === segment).length;
			return scaled.filter((f) => small.accounts[f.accountIndex]!.segment === segment).length / n;
		};
		expect(per('enterprise')).toBeGreaterThan(per('mid_market'));
		expect(per('mid_market')).toBeGreaterThan(per('smb'));
		expect([...planFeedback(small, smallReviews, { ...options, volume: 0 })]).toEqual([]);
	});

	it('scores enterprise above SMB, reseller-sold customers lower, LATAM CSAT higher; APAC answers less', () => {
		const of = (keep: (f: PlannedFeedback) => boolean) => rows.filter(keep);
		expect(nps(of((f) => accountOf(f).segment === 'enterprise'))).toBeGreaterThan(
			nps(of((f) => accountOf(f).segment === 'mid_market')) + 10
		);
		expect(nps(of((f) => accountOf(f).segment === 'mid_market'))).toBeGreaterThan(
			nps(of((f) => accountOf(f).segment === 'smb')) + 10
		);
		// Within each segment, so the segments' different reseller shares do not decide it.
		for (const segment of ['enterprise', 'mid_market', 'smb']) {
			const own = of((f) => accountOf(f).segment === segment);
			const reseller = scores(
				own.filter((f) => accountOf(f).resellerIndex !== null),
				'nps'
			);
			const direct = scores(
				own.filter((f) => accountOf(f).resellerIndex === null),
				'nps'
			);
			expect(mean(reseller), segment).toBeLessThan(mean(direct) - 0.2);
		}
		const latam = mean(
			scores(
				of((f) => accountOf(f).region === 'latam'),
				'csat'
			)
		);
		const elsewhere = mean(
			scores(
				of((f) => accountOf(f).region !== 'latam'),
				'csat'
			)
		);
		expect(latam).toBeGreaterThan(elsewhere + 0.15);
		const steady = (i: number) => plan.accounts[i]!.lifecycleStage !== 'onboarding';
		expect(perAccount((i) => steady(i) && plan.accounts[i]!.region === 'apac')).toBeLessThan(
			0.8 * perAccount((i) => steady(i) && plan.accounts[i]!.region !== 'apac')
		);
	});

	it('surveys NPS in March and September waves; NPS dips in December–January, CSAT peaks in summer', () => {
		const inMonths = (months: number[], list = rows) =>
			list.filter((f) => months.includes(Number(f.receivedOn.slice(5, 7))));
		const npsRows = rows.filter((f) => f.kind === 'nps' && f.source === 'survey');
		const waves = inMonths([3, 9], npsRows).length;
		expect(waves / npsRows.length).toBeGreaterThan(0.7);
		const winter = [12, 1];
		const others = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
		expect(mean(scores(inMonths(winter), 'nps'))).toBeLessThan(
			mean(scores(inMonths(others), 'nps')) - 0.5
		);
		expect(mean(scores(inMonths([6, 7, 8]), 'csat'))).toBeGreaterThan(
			mean(scores(inMonths(winter), 'csat')) + 0.25
		);
	});

	it('writes comments in the account’s language, with library themes and a few free tags', () => {
		const tags = new Set<string>();
		for (const f of rows) {
			const account = accountOf(f);
			if (f.kind === 'comment') expect(f.comment).not.toBe('');
			if (f.comment === '') {
				expect(f.themes).toEqual([]);
				continue;
			}
			const snippet = FEEDBACK_TEXT.find((s) => s.text[account.locale] === f.comment);
			expect(snippet, `${f.comment} (${account.locale})`).toBeDefined();
			expect(f.themes[0]).toBe(snippet!.theme);
			if (snippet!.reseller) expect(account.resellerIndex).not.toBeNull();
			if (snippet!.regions) expect(snippet!.regions).toContain(account.region);
			for (const t of f.themes.slice(1)) if (t !== snippet!.also) tags.add(t);
		}
		expect(tags).toEqual(
			new Set([
				'portal-login',
				'portal-ordering',
				'cross-connect-lead-time',
				'invoice-format',
				'nota-fiscal',
				'factura-electronica',
				'power-overage',
				'renewal-uplift',
				'smart-hands',
				'follow-the-sun',
				'maintenance-notice',
				'ibx-access',
				'portal-access',
				'reseller-handoff',
				'api',
				'servicenow',
				'shipping',
				'kick-off'
			])
		);
	});

	it('routes what it can, works recent responses still and has closed the loop on old ones', () => {
		for (const f of rows) {
			if (f.status === 'new') expect(f.routedTeam).toBeNull();
			if (f.status === 'routed' || f.status === 'acknowledged') expect(f.routedTeam).not.toBeNull();
			const age = daysBetween(f.receivedOn, TODAY);
			if (age > 90) expect(['acknowledged', 'closed_loop']).toContain(f.status);
		}
		const billing = rows.filter((f) => f.themes[0] === 'billing' && f.routedTeam !== null);
		expect(new Set(billing.map((f) => f.routedTeam))).toEqual(new Set(['billing']));
		const reliability = rows.filter((f) => f.themes[0] === 'reliability' && f.routedTeam !== null);
		expect(new Set(reliability.map((f) => f.routedTeam))).toEqual(
			new Set(['site_operations', 'engineering'])
		);
	});

	it('raises the CSM’s follow-up for each detractor and low CSAT, open for the last 30 days, in the CSM’s language', () => {
		let open = 0;
		let done = 0;
		for (const f of rows) {
			const account = accountOf(f);
			const csm = account.team.find((m) => m.teamRole === 'CSM')?.userIndex ?? null;
			expect(f.csmUserIndex).toBe(csm);
			expect(f.followUp !== null).toBe(needsFollowUp(f.kind, f.score) && csm !== null);
			if (!f.followUp) continue;
			const contact = f.contactIndex === null ? undefined : account.contacts[f.contactIndex]!.name;
			const locale = plan.users[csm!]!.locale;
			expect(f.followUp.title).toBe(followUpTitle(TITLES[locale], f.kind, f.score!, contact));
			expect(f.followUp.ownerUserIndex).toBe(csm);
			expect(f.followUp.dueDate).toBe(addDays(f.receivedOn, 2));
			const recent = daysBetween(f.receivedOn, todayIn(account.timeZone, NOW)) <= 30;
			expect(f.followUp.status).toBe(recent ? 'open' : 'done');
			if (recent) open++;
			else {
				done++;
				expect(Date.parse(f.followUp.completedAt!)).toBeGreaterThan(Date.parse(f.createdAt));
				expect(Date.parse(f.followUp.completedAt!)).toBeLessThanOrEqual(NOW.getTime());
			}
		}
		expect(open).toBeGreaterThan(10);
		expect(done).toBeGreaterThan(open);
		// Both sides of the 30 days.
		const ages = rows.filter((f) => f.followUp).map((f) => daysBetween(f.receivedOn, TODAY));
		expect(ages.some((a) => a > 20 && a <= 30)).toBe(true);
		expect(ages.some((a) => a > 30 && a <= 45)).toBe(true);
	});

	it('names a held review of the account: a CBR on its day, an operational survey weeks before', () => {
		const linked = rows.filter((f) => f.reviewIndex !== null);
		expect(linked.length).toBeGreaterThan(rows.length * 0.03);
		for (const f of linked) {
			const review = reviews[f.reviewIndex!]!;
			expect([review.accountIndex, review.status]).toEqual([f.accountIndex, 'held']);
			if (f.source === 'cbr') {
				expect(review.day).toBe(f.receivedOn);
				expect(['nps', 'comment']).toContain(f.kind);
			} else {
				expect([f.source, f.kind, review.kind]).toEqual([
					'operational_survey',
					'csat',
					'survey_review'
				]);
				expect(daysBetween(f.receivedOn, review.day)).toBeGreaterThanOrEqual(7);
				expect(daysBetween(f.receivedOn, review.day)).toBeLessThanOrEqual(21);
			}
		}
		expect(linked.some((f) => f.source === 'operational_survey')).toBe(true);
		expect(linked.some((f) => f.source === 'cbr')).toBe(true);
	});
});
