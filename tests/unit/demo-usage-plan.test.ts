import { describe, expect, it } from 'vitest';
import { METRICS, addMonths, flagsFor, type MetricKey } from '../../src/lib/domain/adoption';
import { criterionMet, needsReason, OBJECTIVE_STATUSES } from '../../src/lib/domain/success-plan';
import { DEMO_USERS } from '../../src/lib/server/demo/demo-data';
import { planOnboardings } from '../../src/lib/server/demo/demo-onboarding-plan';
import { planDemo } from '../../src/lib/server/demo/demo-plan';
import { planSuccessPlans } from '../../src/lib/server/demo/demo-success-plan';
import {
	planUsage,
	usageWindow,
	type PlannedSeries,
	type PlannedUsage
} from '../../src/lib/server/demo/demo-usage-plan';
import { SHIPPED_TEMPLATES } from '../../src/lib/server/onboarding/shipped-templates';

const TODAY = '2026-11-22';
const LAST = '2026-10-01';
const SEED = 42;

const plan = planDemo(DEMO_USERS, { accounts: 400, seed: SEED, today: TODAY });
const templates = new Map(
	SHIPPED_TEMPLATES.map((t, i) => [t.key, { versionId: i + 1, content: t.content }])
);
const onboardings = planOnboardings(plan, templates, { seed: SEED, today: TODAY });
const usage = planUsage(plan, onboardings, { seed: SEED, today: TODAY });
const accountOf = (u: PlannedUsage) => plan.accounts[u.accountIndex]!;
const seriesOf = (u: PlannedUsage, metric: MetricKey) => u.series.find((s) => s.metric === metric);
const latestFlags = (u: PlannedUsage) =>
	u.series.map((s) => flagsFor(s.metric, { used: s.used.at(-1)!, entitled: s.entitled.at(-1)! }));
const ratios = (s: PlannedSeries) => s.used.map((used, i) => used / s.entitled[i]!);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('usageWindow', () => {
	it('is the twelve months before the current one, oldest first', () => {
		const months = usageWindow(TODAY);
		expect(months).toHaveLength(12);
		expect(months[0]).toBe('2025-11-01');
		expect(months.at(-1)).toBe(LAST);
		expect(usageWindow('2027-01-01').at(-1)).toBe('2026-12-01');
	});
});

describe('planUsage', () => {
	it('plans every account, with colocation and cross connects always bought', () => {
		expect(usage.map((u) => u.accountIndex)).toEqual(plan.accounts.map((_, i) => i));
		for (const u of usage) {
			const metrics = u.series.map((s) => s.metric);
			expect(metrics).toEqual(
				expect.arrayContaining(['colocation_cabinets', 'colocation_power_kva', 'cross_connects'])
			);
			expect(new Set(metrics).size).toBe(metrics.length);
		}
	});

	it('gives enterprise accounts more products than smb ones', () => {
		const products = (segment: string) =>
			mean(usage.filter((u) => accountOf(u).segment === segment).map((u) => u.series.length));
		expect(products('enterprise')).toBeGreaterThan(products('mid_market'));
		expect(products('mid_market')).toBeGreaterThan(products('smb'));
		for (const u of usage.filter((x) => accountOf(x).segment === 'enterprise')) {
			expect(seriesOf(u, 'fabric_ports')).toBeDefined();
			expect(seriesOf(u, 'smart_hands_requests')).toBeDefined();
		}
		for (const u of usage.filter((x) => accountOf(x).segment === 'smb')) {
			expect(seriesOf(u, 'network_edge_devices')).toBeUndefined();
		}
	});

	it('writes consecutive months inside the window, whole counts and kVA to one decimal', () => {
		const window = usageWindow(TODAY);
		for (const u of usage) {
			u.months.forEach((m, i) => {
				expect(window).toContain(m);
				if (i > 0) expect(m).toBe(addMonths(u.months[i - 1]!, 1));
			});
			for (const s of u.series) {
				expect(s.used).toHaveLength(u.months.length);
				expect(s.entitled).toHaveLength(u.months.length);
				const decimals = METRICS[s.metric].unit === 'kva' ? 10 : 1;
				for (const v of [...s.used, ...s.entitled]) {
					expect(v).toBeGreaterThanOrEqual(0);
					expect(Math.round(v * decimals) / decimals).toBe(v);
				}
				expect(s.entitled.every((e) => e > 0)).toBe(true);
			}
		}
	});

	it('ramps onboarding accounts up from near zero since their onboarding started', () => {
		const ramping = usage.filter((u) => accountOf(u).lifecycleStage === 'onboarding');
		expect(ramping.length).toBeGreaterThan(0);
		for (const u of ramping) {
			expect(u.pattern).toBe('ramp_up');
			const onboarding = onboardings.find((o) => o.accountIndex === u.accountIndex)!;
			const start = `${onboarding.startDate.slice(0, 7)}-01`;
			if (start > LAST) {
				expect(u.months).toEqual([]);
				continue;
			}
			expect(u.months[0]).toBe(start);
			expect(u.months.at(-1)).toBe(LAST);
			const power = ratios(seriesOf(u, 'colocation_power_kva')!);
			expect(power[0]).toBeLessThan(0.2);
			expect(power.at(-1)!).toBeGreaterThanOrEqual(power[0]!);
		}
		expect(ramping.some((u) => u.months.length >= 2)).toBe(true);
	});

	it('gives settled accounts a full year, and lets churned ones fall away and stop early', () => {
		for (const u of usage) {
			const stage = accountOf(u).lifecycleStage;
			if (stage === 'expansion' || stage === 'renewal') expect(u.months).toHaveLength(12);
		}
		const churned = usage.filter((u) => accountOf(u).lifecycleStage === 'churned');
		expect(churned.length).toBeGreaterThan(0);
		for (const u of churned) {
			expect(u.pattern).toBe('churning');
			expect(u.months.length).toBeGreaterThanOrEqual(9);
			expect(u.months[0]).toBe(usageWindow(TODAY)[0]);
			const power = ratios(seriesOf(u, 'colocation_power_kva')!);
			expect(mean(power.slice(-3))).toBeLessThan(mean(power.slice(-6, -3)));
		}
		expect(churned.some((u) => u.months.at(-1)! < LAST)).toBe(true);
	});

	it('shows expansion as more bought during the year', () => {
		const expanding = usage.filter((u) => u.pattern === 'expanding');
		expect(expanding.length).toBeGreaterThan(0);
		for (const u of expanding) {
			const power = seriesOf(u, 'colocation_power_kva')!.entitled;
			expect(power.at(-1)!).toBeGreaterThan(power[0]!);
		}
	});

	it('flags the under-used and over-cap profiles in the latest month', () => {
		const underUsed = usage.filter((u) => u.profile === 'under_used');
		const overCap = usage.filter((u) => u.profile === 'over_cap');
		expect(underUsed.length).toBeGreaterThan(0);
		expect(overCap.length).toBeGreaterThan(0);
		for (const u of underUsed) expect(latestFlags(u).some((f) => f.underUsed)).toBe(true);
		for (const u of overCap) expect(latestFlags(u).some((f) => f.overCap)).toBe(true);
		// Healthy plateaus are mostly clean: the flags mean something.
		const calm = usage.filter((u) => u.profile === 'healthy' && u.pattern === 'plateau');
		const flagged = calm.filter((u) => latestFlags(u).some((f) => f.underUsed || f.overCap));
		expect(flagged.length).toBeLessThan(calm.length * 0.2);
	});

	it('is deterministic for a seed and changes with it', () => {
		expect(planUsage(plan, onboardings, { seed: SEED, today: TODAY })).toEqual(usage);
		expect(planUsage(plan, onboardings, { seed: SEED + 1, today: TODAY })).not.toEqual(usage);
	});
});

describe('planSuccessPlans', () => {
	const objectives = planSuccessPlans(plan, usage, { seed: SEED, today: TODAY });
	const latestOf = (accountIndex: number, metric: MetricKey) => {
		const s = seriesOf(usage[accountIndex]!, metric)!;
		return { month: LAST, used: s.used.at(-1)! };
	};

	it('covers every status and both criterion kinds, with reasons where asked', () => {
		expect(new Set(objectives.map((o) => o.status))).toEqual(new Set(OBJECTIVE_STATUSES));
		expect(new Set(objectives.map((o) => o.criterionKind))).toEqual(new Set(['metric', 'outcome']));
		for (const o of objectives) {
			expect(Boolean(o.statusReason?.trim())).toBe(needsReason(o.status));
			expect(o.criterionKind === 'metric').toBe(o.metric !== null && o.targetValue !== null);
			expect(o.criterionKind === 'outcome').toBe(o.outcome.trim() !== '');
			expect(o.tasks.length).toBeGreaterThanOrEqual(1);
			expect(o.tasks.length).toBeLessThanOrEqual(3);
		}
	});

	it('plans every enterprise account that stayed, and about half of the others', () => {
		const planned = new Set(objectives.map((o) => o.accountIndex));
		plan.accounts.forEach((a, i) => {
			if (a.segment === 'enterprise' && a.lifecycleStage !== 'churned')
				expect(planned.has(i)).toBe(true);
		});
		const others = plan.accounts.filter((a) => a.segment !== 'enterprise');
		const share =
			others.filter((a) => planned.has(plan.accounts.indexOf(a))).length / others.length;
		expect(share).toBeGreaterThan(0.35);
		expect(share).toBeLessThan(0.65);
		for (const o of objectives) {
			const csm = plan.accounts[o.accountIndex]!.team.find((m) => m.teamRole === 'CSM');
			expect(o.ownerUserIndex).toBe(csm?.userIndex);
			if (plan.accounts[o.accountIndex]!.lifecycleStage === 'churned')
				expect(['achieved', 'dropped']).toContain(o.status);
		}
	});

	it('sets metric targets against current use: met when achieved, ahead when at risk', () => {
		const bound = objectives.filter((o) => o.criterionKind === 'metric');
		for (const o of bound) {
			const criterion = { kind: 'metric' as const, metric: o.metric!, target: o.targetValue! };
			const met = criterionMet(criterion, latestOf(o.accountIndex, o.metric!));
			if (o.status === 'achieved') expect(met).toBe(true);
			if (o.status === 'at_risk' || o.status === 'not_started') expect(met).toBe(false);
		}
	});

	it('works tasks as the status says', () => {
		for (const o of objectives) {
			const statuses = o.tasks.map((t) => t.status);
			if (o.status === 'achieved') expect(statuses.every((s) => s === 'done')).toBe(true);
			if (o.status === 'not_started') expect(statuses.every((s) => s === 'open')).toBe(true);
			if (o.status === 'on_track' || o.status === 'at_risk') expect(statuses).toContain('open');
			if (o.status === 'dropped') expect(statuses).not.toContain('open');
			for (const t of o.tasks) {
				expect(t.status === 'done').toBe(t.completedAt !== null);
				expect(t.status === 'skipped').toBe(t.skipReason !== null);
				if (t.completedAt) expect(t.completedAt.slice(0, 10) < TODAY).toBe(true);
				expect(o.createdAt.slice(0, 10) < TODAY).toBe(true);
			}
		}
	});

	it('gives each named CSM an open plan task due this week', () => {
		for (const email of ['csm1@keel.demo', 'csm2@keel.demo', 'csm3@keel.demo']) {
			const user = plan.users.findIndex((u) => u.email === email);
			const due = objectives.flatMap((o) =>
				o.tasks.filter(
					(t) =>
						t.ownerUserIndex === user &&
						t.status === 'open' &&
						t.dueDate >= TODAY &&
						t.dueDate <= '2026-11-28'
				)
			);
			expect(due.length, email).toBeGreaterThan(0);
		}
	});

	it('writes in the account’s language', () => {
		const pt = objectives.find((o) => plan.accounts[o.accountIndex]!.locale === 'pt-BR');
		const es = objectives.find((o) => plan.accounts[o.accountIndex]!.locale === 'es');
		expect(pt?.why).toMatch(/[ãçõé]|cliente/);
		expect(es?.why).toMatch(/cliente|[ñé]/);
	});

	it('is deterministic for a seed', () => {
		expect(planSuccessPlans(plan, usage, { seed: SEED, today: TODAY })).toEqual(objectives);
	});
});
