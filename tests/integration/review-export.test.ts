import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/domain/errors';
import { parseReviewListQuery } from '../../src/lib/domain/review-list-query';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import { keysetAfterRow, type KeysetRowValue } from '../../src/lib/server/db/keyset';
import { exportReviews } from '../../src/lib/server/reviews/review-export';
import { reviewList } from '../../src/lib/server/reviews/review-list.service';
import * as reviews from '../../src/lib/server/reviews/review.service';
import { downloadCsv } from '../support/csv';
import { makeAccount, makeReseller, makeUser, putOnTeam, uniqueTag } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Wednesday 18 November 2026, 10:00Z: 11:00 in Amsterdam. Rows are not rolled back between
// tests, so each test makes its own CSM and narrows the list to them.
const NOW = new Date('2026-11-18T10:00:00Z');
const query = (params: Record<string, string>) => parseReviewListQuery(new URLSearchParams(params));

/** The CSV a user downloads for these list parameters, two rows to a batch. */
async function download(user: SessionUser, params: Record<string, string>, batchSize = 2) {
	return downloadCsv(await exportReviews(t.db, user, query(params), { now: NOW, batchSize }));
}

/** A fresh CSM, and `make` for accounts on their team (Amsterdam, mid-market, EMEA). */
async function portfolioOf(values: Parameters<typeof makeAccount>[1] = {}) {
	const csm = await makeUser(t.db, 'csm');
	const make = async (name: string, more: Parameters<typeof makeAccount>[1] = {}) => {
		const account = await makeAccount(t.db, {
			name,
			created_at: '2025-01-01T12:00:00Z',
			...values,
			...more
		});
		await putOnTeam(t.db, account.id, csm);
		return account;
	};
	return { csm, make };
}

function schedule(
	csm: SessionUser,
	accountId: number,
	overrides: Partial<reviews.ReviewInput> = {}
) {
	return reviews.scheduleReview(
		t.db,
		csm,
		accountId,
		{
			kind: 'cbr',
			title: 'Business review',
			date: '2026-11-25',
			time: '14:00',
			duration_minutes: 90,
			location: '',
			agenda: '',
			attendees: [],
			...overrides
		},
		NOW
	);
}

async function heldReview(csm: SessionUser, accountId: number, date: string, kind = 'cbr') {
	const id = await schedule(csm, accountId, { kind: kind as 'cbr', date, time: '10:00' });
	await reviews.recordHeld(
		t.db,
		csm,
		accountId,
		id,
		{ version: 1, notes: 'Held', decisions: '' },
		NOW
	);
}

describe(`reviews list export on ${ENGINE}`, () => {
	it('writes upcoming reviews soonest first and past ones latest first, as the list pages them', async () => {
		const { csm, make } = await portfolioOf();
		const a = await make(`Upcoming A ${uniqueTag()}`);
		const b = await make(`Upcoming B ${uniqueTag()}`);
		// Ties on the start, across the two-row batches; one past review, one cancelled.
		const plan: [number, string, string, string][] = [
			[a.id, 'u1', '2026-12-01', '09:00'],
			[b.id, 'u2', '2026-11-20', '09:00'],
			[a.id, 'u3', '2026-12-01', '09:00'],
			[b.id, 'u4', '2026-12-01', '09:00'],
			[a.id, 'u5', '2026-11-19', '15:30'],
			[b.id, 'p1', '2026-11-02', '10:00'],
			[a.id, 'p2', '2026-11-16', '10:00'],
			[b.id, 'p3', '2026-11-02', '10:00']
		];
		for (const [accountId, title, date, time] of plan) {
			await schedule(csm, accountId, { title, date, time });
		}
		const dropped = await schedule(csm, a.id, { title: 'dropped', date: '2026-11-30' });
		await reviews.cancelReview(t.db, csm, a.id, dropped, { version: 1, reason: 'Moved' }, NOW);

		for (const view of ['upcoming', 'overdue'] as const) {
			const listed = await reviewList(t.db, csm, query({ view }), NOW);
			const { header, rows } = await download(csm, { view });
			expect(header).toEqual([
				'Starts (the review’s time zone)',
				'Time zone',
				'Duration (minutes)',
				'Kind of review',
				'Title',
				'Account',
				'Segment',
				'Region',
				'CSM'
			]);
			expect(
				rows.map((r) => r[4]),
				view
			).toEqual(listed.reviews.map((r) => r.title));
			expect(rows).toHaveLength(listed.total);
		}
		const { rows } = await download(csm, { view: 'upcoming' });
		expect(rows.map((r) => r[4])).toEqual(['u5', 'u2', 'u1', 'u3', 'u4']);
		expect(rows[0]).toEqual([
			'2026-11-19T15:30:00+01:00',
			'Europe/Amsterdam',
			'90',
			'Customer business review (CBR)',
			'u5',
			a.name,
			'Mid-market',
			'EMEA',
			csm.name
		]);
		const past = await download(csm, { view: 'overdue' });
		expect(past.rows.map((r) => r[4])).toEqual(['p2', 'p3', 'p1']);
		expect(past.response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="keel-reviews-overdue-\d{4}-\d{2}-\d{2}\.csv"$/
		);
	});

	it('keeps the filters: kind, segment, region, and a CSM’s own accounts by default', async () => {
		const { csm, make } = await portfolioOf();
		const emea = await make(`Filters EMEA ${uniqueTag()}`);
		const latam = await make(`Filters LATAM ${uniqueTag()}`, {
			region: 'latam',
			segment: 'enterprise'
		});
		await schedule(csm, emea.id, { title: 'emea cbr' });
		await schedule(csm, emea.id, { title: 'emea obr', kind: 'obr' });
		await schedule(csm, latam.id, { title: 'latam cbr' });
		const titles = async (params: Record<string, string>) =>
			(await download(csm, params)).rows.map((r) => r[4]);
		expect(await titles({})).toEqual(['emea cbr', 'emea obr', 'latam cbr']);
		expect(await titles({ kind: 'obr' })).toEqual(['emea obr']);
		expect(await titles({ region: 'latam' })).toEqual(['latam cbr']);
		expect(await titles({ segment: 'mid_market', kind: 'cbr' })).toEqual(['emea cbr']);
		// Another CSM sees these only by asking for this CSM's, as on the page.
		const other = await makeUser(t.db, 'csm');
		expect((await download(other, {})).rows.map((r) => r[5])).not.toContain(emea.name);
		expect((await download(other, { csm: String(csm.id) })).rows).toHaveLength(3);
	});

	it('writes the accounts behind their cadence most overdue first, as the list flags them', async () => {
		const { csm, make } = await portfolioOf({ segment: 'enterprise' });
		const alfa = await make('Alfa');
		// CBR due 1 December, none planned: due soon. No OBR ever: overdue since July 2025.
		await heldReview(csm, alfa.id, '2026-09-01');
		const bravo = await make('Bravo');
		// CBR due 1 January, planned 1 February: late. OBR held in October: not due.
		await heldReview(csm, bravo.id, '2026-10-01');
		await heldReview(csm, bravo.id, '2026-10-01', 'obr');
		await schedule(csm, bravo.id, { date: '2027-02-01' });
		const charlie = await make('Charlie');
		// CBR in time; OBR due July 2025 as Alfa's (a tie on the day), planned late.
		await heldReview(csm, charlie.id, '2026-08-20');
		await schedule(csm, charlie.id, { date: '2026-11-19' });
		await schedule(csm, charlie.id, { kind: 'obr', date: '2026-11-25' });
		// Never held: its CBR due April 2025, its OBR July 2025, a three-way tie on that day.
		await make('Delta');

		const listed = await reviewList(t.db, csm, query({ view: 'cadence' }), NOW);
		const expected = listed.flags.map((f) => [f.account_name, f.kind, f.due_on, f.standing]);
		for (const batchSize of [1, 2, 1000]) {
			const { header, rows } = await download(csm, { view: 'cadence' }, batchSize);
			expect(header).toEqual([
				'Account',
				'Segment',
				'Region',
				'Kind of review',
				'Every (months)',
				'Next due',
				'Standing',
				'Last held',
				'Next planned',
				'CSM'
			]);
			expect(
				rows.map((r) => [r[0], r[3], r[5], r[6]]),
				`batches of ${batchSize}`
			).toEqual(
				expected.map(([name, kind, due, standing]) => [
					name,
					kind === 'cbr' ? 'Customer business review (CBR)' : 'Operational business review (OBR)',
					due,
					{
						overdue: 'Overdue, not scheduled',
						unscheduled: 'Due soon, not scheduled',
						late: 'Scheduled late'
					}[standing as string]
				])
			);
		}
		const { rows } = await download(csm, { view: 'cadence' });
		expect(rows).toHaveLength(listed.total);
		expect(rows.map((r) => [r[0], r[3]!.slice(-4, -1), r[5]])).toEqual([
			['Delta', 'CBR', '2025-04-01'],
			['Alfa', 'OBR', '2025-07-01'],
			['Charlie', 'OBR', '2025-07-01'],
			['Delta', 'OBR', '2025-07-01'],
			['Alfa', 'CBR', '2026-12-01'],
			['Bravo', 'CBR', '2027-01-01']
		]);
		expect(rows[1]).toEqual([
			'Alfa',
			'Enterprise',
			'EMEA',
			'Operational business review (OBR)',
			'6',
			'2025-07-01',
			'Overdue, not scheduled',
			'',
			'',
			csm.name
		]);
		expect(rows[2]!.slice(4, 9)).toEqual(['6', '2025-07-01', 'Scheduled late', '', '2026-11-25']);
		expect(rows[4]!.slice(4, 9)).toEqual([
			'3',
			'2026-12-01',
			'Due soon, not scheduled',
			'2026-09-01',
			''
		]);
	});

	it('refuses admins as the list does, and gives a partner only their reseller’s customers', async () => {
		const admin = await makeUser(t.db, 'admin');
		for (const view of ['upcoming', 'cadence']) {
			await expect(reviewList(t.db, admin, query({ view }), NOW)).rejects.toThrow(ForbiddenError);
			await expect(exportReviews(t.db, admin, query({ view }), { now: NOW })).rejects.toThrow(
				ForbiddenError
			);
		}
		const reseller = await makeReseller(t.db);
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const { csm, make } = await portfolioOf();
		const theirs = await make(`Resold ${uniqueTag()}`, { reseller_id: reseller.id });
		const direct = await make(`Direct ${uniqueTag()}`);
		await schedule(csm, theirs.id, { title: 'theirs' });
		await schedule(csm, direct.id, { title: 'direct' });
		const { rows } = await download(partner, {});
		expect(rows.map((r) => r[4])).toEqual(['theirs']);
		const flagged = await download(partner, { view: 'cadence' });
		expect(new Set(flagged.rows.map((r) => r[0]))).toEqual(new Set([theirs.name]));
	});

	it('neutralises cells a spreadsheet would run, and words the file in the user’s language', async () => {
		const { csm, make } = await portfolioOf();
		const account = await make(`@SUM(A1) ${uniqueTag()}`);
		await schedule(csm, account.id, { title: '=HYPERLINK("http://evil.example","x")' });
		const { text, rows } = await download(csm, {});
		expect(rows[0]![4]).toBe(`'=HYPERLINK("http://evil.example","x")`);
		expect(rows[0]![5]).toBe(`'${account.name}`);
		expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",`);

		const spanish = { ...csm, locale: 'es' as const };
		const { header, rows: filas } = await download(spanish, {});
		expect(header[0]).toBe('Inicio (zona horaria de la revisión)');
		expect(filas[0]![3]).toBe('Revisión de negocio con el cliente (CBR)');
	});
});

describe(`keysetAfterRow on ${ENGINE}`, () => {
	// Ties on every key but the last; dates, text and numbers as keys.
	const probe = sql`(values
		(date '2026-01-02', 'b', 1), (date '2026-01-01', 'b', 2), (date '2026-01-02', 'a', 3),
		(date '2026-01-02', 'b', 4), (date '2026-01-01', 'a', 5), (date '2026-01-03', 'a', 6),
		(date '2026-01-01', 'b', 7)
	) as v(day, tag, id)`;

	/** Walks the probe one row at a time by keyset, as an export does with batches of one. */
	async function walk(direction: 'asc' | 'desc') {
		const seen: number[] = [];
		let after: KeysetRowValue[] | null = null;
		// Bounded, so a position that never moves on fails the test instead of hanging it.
		while (seen.length <= 7) {
			const where: ReturnType<typeof sql> = after
				? keysetAfterRow(['v.day', 'v.tag', 'v.id'], direction, after)
				: sql`true`;
			const dir = sql.raw(direction);
			const { rows } = await sql<{ day: string; tag: string; id: number }>`
				select day, tag, id from ${probe} where ${where}
				order by day ${dir}, tag ${dir}, id ${dir} limit 1`.execute(t.db);
			const row = rows[0];
			if (!row) return seen;
			seen.push(row.id);
			after = [row.day, row.tag, row.id];
		}
		return seen;
	}

	it('reads a composite order row after row, in either direction, skipping none', async () => {
		expect(await walk('asc')).toEqual([5, 2, 7, 3, 1, 4, 6]);
		expect(await walk('desc')).toEqual([6, 4, 1, 3, 7, 2, 5]);
	});

	it('compares an instant to the millisecond', async () => {
		const at = new Date('2026-11-18T10:00:00.123Z');
		const { rows } = await sql<{ id: number }>`
			select id from (values
				(timestamptz '2026-11-18 10:00:00.123+00', 1), (timestamptz '2026-11-18 10:00:00.123+00', 2),
				(timestamptz '2026-11-18 10:00:00.124+00', 3), (timestamptz '2026-11-18 10:00:00.122+00', 4)
			) as v(at, id)
			where ${keysetAfterRow(['v.at', 'v.id'], 'asc', [at, 1])} order by at, id`.execute(t.db);
		expect(rows.map((r) => r.id)).toEqual([2, 3]);
	});

	it('refuses a position that does not match the keys', () => {
		expect(() => keysetAfterRow(['v.a', 'v.b'], 'asc', [1])).toThrow(RangeError);
		expect(() => keysetAfterRow([], 'asc', [])).toThrow(RangeError);
	});
});
