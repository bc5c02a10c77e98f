import { describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIn } from '../../src/lib/domain/dates';
import { FLAGGED_STANDINGS, cadenceStanding, reviewDueOn } from '../../src/lib/domain/review';
import { instantToZoned } from '../../src/lib/domain/zoned-time';
import { DEMO_USERS } from '../../src/lib/server/demo/demo-data';
import { planDemo } from '../../src/lib/server/demo/demo-plan';
import {
	PLANNING_HORIZON_DAYS,
	planReviews,
	type DemoCadence,
	type PlannedReview
} from '../../src/lib/server/demo/demo-reviews-plan';

const TODAY = '2026-11-22';
const NOW = new Date(`${TODAY}T12:00:00Z`);
const SEED = 42;
/** As the migration seeds review_cadences. */
const CADENCES: DemoCadence[] = [
	{ segment: 'enterprise', kind: 'cbr', everyMonths: 3 },
	{ segment: 'enterprise', kind: 'obr', everyMonths: 6 },
	{ segment: 'mid_market', kind: 'cbr', everyMonths: 6 },
	{ segment: 'smb', kind: 'cbr', everyMonths: 12 }
];

const plan = planDemo(DEMO_USERS, { accounts: 1500, seed: SEED, today: TODAY });
const { reviews, diary } = planReviews(plan, CADENCES, { seed: SEED, now: NOW });
const byAccount = new Map<number, PlannedReview[]>();
for (const r of reviews)
	byAccount.set(r.accountIndex, [...(byAccount.get(r.accountIndex) ?? []), r]);
const share = (n: number) => n / plan.accounts.length;

describe('planReviews', () => {
	it('plans the same reviews for the same plan, cadences, seed and moment', () => {
		const again = planReviews(plan, CADENCES, { seed: SEED, now: NOW });
		expect(JSON.stringify(again)).toBe(JSON.stringify({ reviews, diary }));
		const other = planReviews(plan, CADENCES, { seed: SEED + 1, now: NOW });
		expect(JSON.stringify(other.reviews)).not.toBe(JSON.stringify(reviews));
	});

	it('holds past reviews on weekdays at 09:00–16:00 local time, and plans the next within 60 days', () => {
		reviews.forEach((r, i) => {
			const account = plan.accounts[r.accountIndex]!;
			const name = `${r.title} ${r.status}`;
			// Intl is slow: a sample of every zone and season is enough.
			if (i % 4 === 0) {
				const local = instantToZoned(new Date(r.startsAt), account.timeZone);
				expect(local.date, name).toBe(r.day);
				expect(local.time >= '09:00' && local.time <= '16:00', name).toBe(true);
			}
			expect([1, 2, 3, 4, 5], name).toContain(new Date(`${r.day}T00:00:00Z`).getUTCDay());
			expect(r.timeZone, name).toBe(account.timeZone);
			const today = todayIn(account.timeZone, NOW);
			expect(r.day >= addMonths(today, -24), name).toBe(true);
			if (r.status !== 'planned') expect(r.day < today, name).toBe(true);
			else expect(r.day <= addDays(today, PLANNING_HORIZON_DAYS), name).toBe(true);
			expect(Date.parse(r.createdAt) <= NOW.getTime(), name).toBe(true);
			expect(r.updatedAt >= r.createdAt && Date.parse(r.updatedAt) <= NOW.getTime(), name).toBe(
				true
			);
		});
	});

	it('records held reviews with notes, people and one to three follow-ups for the team', () => {
		const held = reviews.filter((r) => r.status === 'held');
		expect(held.length).toBeGreaterThan(reviews.length / 2);
		for (const r of held) {
			const account = plan.accounts[r.accountIndex]!;
			const team = new Set(account.team.map((m) => m.userIndex));
			expect(r.notes && r.decisions, r.title).toBeTruthy();
			expect(r.actions.length, r.title).toBeGreaterThanOrEqual(1);
			expect(r.actions.length, r.title).toBeLessThanOrEqual(3);
			for (const a of r.attendees) {
				if (a.kind === 'user') expect(team.has(a.userIndex), r.title).toBe(true);
				else expect(a.contactIndex, r.title).toBeLessThan(account.contacts.length);
			}
			for (const a of r.actions) {
				expect(team.has(a.ownerUserIndex), r.title).toBe(true);
				expect(a.dueDate > r.day, r.title).toBe(true);
				expect(a.completedAt === null, r.title).toBe(a.status === 'open');
			}
		}
		for (const r of reviews.filter((r) => r.status !== 'held')) {
			expect([r.notes, r.decisions, r.actions], r.title).toEqual(['', '', []]);
			expect(r.cancelReason !== '', r.title).toBe(r.status === 'cancelled');
		}
	});

	it('leaves about 3% of accounts with a review never recorded, and about 15% with nothing planned', () => {
		const planned = (i: number) => (byAccount.get(i) ?? []).filter((r) => r.status === 'planned');
		const ahead = (i: number) => planned(i).filter((r) => Date.parse(r.startsAt) > NOW.getTime());
		const unrecorded = plan.accounts.filter((_, i) =>
			planned(i).some((r) => Date.parse(r.startsAt) < NOW.getTime())
		).length;
		const nothing = plan.accounts.filter((_, i) => planned(i).length === 0).length;
		expect(share(unrecorded)).toBeGreaterThan(0.02);
		expect(share(unrecorded)).toBeLessThan(0.05);
		expect(share(nothing)).toBeGreaterThan(0.11);
		expect(share(nothing)).toBeLessThan(0.19);
		expect(share(plan.accounts.filter((_, i) => ahead(i).length > 0).length)).toBeGreaterThan(0.75);
		// The diary says why: nothing planned is an unplanned, churned or new account.
		plan.accounts.forEach((_, i) => {
			if (planned(i).length === 0) expect(['unplanned', 'churned', 'new']).toContain(diary[i]);
		});
	});

	it('keeps to the segment’s cadence: on schedule when planned, flagged when not', () => {
		let scheduled = 0;
		let planned = 0;
		plan.accounts.forEach((account, i) => {
			const state = diary[i];
			if (state !== 'planned' && state !== 'unplanned') return;
			const cadence = CADENCES.find((c) => c.segment === account.segment)!;
			const own = (byAccount.get(i) ?? []).filter((r) => r.kind === cadence.kind);
			const lastHeld = own.filter((r) => r.status === 'held').at(-1)?.day ?? null;
			const nextPlanned = own.find((r) => r.status === 'planned')?.day ?? null;
			const dueOn = reviewDueOn(cadence.everyMonths, lastHeld, addMonths(TODAY, -30));
			const standing = cadenceStanding({
				dueOn,
				nextPlanned,
				today: todayIn(account.timeZone, NOW)
			});
			if (state === 'unplanned') {
				expect(FLAGGED_STANDINGS, account.name).toContain(standing);
				expect(standing, account.name).not.toBe('late');
			} else {
				planned++;
				if (standing === 'scheduled') scheduled++;
			}
		});
		expect(scheduled / planned).toBeGreaterThan(0.85);
	});

	it('follows each segment’s cadence over two years, with QBRs, EBRs and survey reviews on top', () => {
		const kinds = new Set(reviews.map((r) => r.kind));
		expect(kinds).toEqual(new Set(['cbr', 'obr', 'qbr', 'ebr', 'survey_review']));
		const heldCbrs = (segment: string) => {
			const accounts = plan.accounts
				.map((a, i) => ({ a, i }))
				.filter(({ a, i }) => a.segment === segment && diary[i] === 'planned');
			const n = accounts.reduce(
				(sum, { i }) =>
					sum +
					(byAccount.get(i) ?? []).filter((r) => r.kind === 'cbr' && r.status !== 'planned').length,
				0
			);
			return n / accounts.length;
		};
		// Quarterly, half-yearly and yearly over 24 months.
		expect(heldCbrs('enterprise')).toBeGreaterThan(7);
		expect(heldCbrs('enterprise')).toBeLessThan(9.5);
		expect(heldCbrs('mid_market')).toBeGreaterThan(3.5);
		expect(heldCbrs('mid_market')).toBeLessThan(4.8);
		expect(heldCbrs('smb')).toBeGreaterThan(1.8);
		expect(heldCbrs('smb')).toBeLessThan(2.5);
	});
});
