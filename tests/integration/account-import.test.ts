import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, StaleVersionError } from '../../src/lib/domain/errors';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import { UploadError } from '../../src/lib/server/imports/import-stage';
import * as imports from '../../src/lib/server/imports/import.service';
import { makeReseller, makeUser, uniqueTag } from '../support/factories';
import { asChunks, checkAsOffered as checkAs, encode, uploadCsv } from '../support/imports';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();
const upload = (
	actor: SessionUser,
	file: string | Uint8Array,
	options?: { partSize?: number; source?: string }
) => uploadCsv(t.db, actor, file, options);
const checkAsOffered = (actor: SessionUser, id: number) => checkAs(t.db, actor, id);

const HEADER =
	'External id,Name,Segment,Region,Time zone,Lifecycle stage,Sales channel,Reseller,Support package,ARR,Renewal date,Notes';
const row = (
	id: string,
	name: string,
	extra: Partial<Record<'arr' | 'notes' | 'segment' | 'reseller' | 'channel', string>> = {}
) =>
	[
		id,
		name,
		extra.segment ?? 'Mid-market',
		'EMEA',
		'Europe/Amsterdam',
		'Adoption',
		extra.channel ?? 'direct',
		extra.reseller ?? '',
		'standard',
		extra.arr ?? '120000',
		'2027-03-31',
		extra.notes ?? ''
	].join(',');

async function accountsWith(externalIds: string[]) {
	return t.db
		.selectFrom('accounts')
		.selectAll()
		.where('external_id', 'in', externalIds)
		.orderBy('external_id')
		.execute();
}

describe(`account import on ${ENGINE}`, () => {
	it('stages a UTF-8 file with a BOM, ";" separators and quoted multi-line fields, sent in parts cut anywhere', async () => {
		const manager = await makeUser(t.db, 'manager');
		const tag = uniqueTag();
		const file =
			'\uFEFFID externo;Nome;Segmento;Região;Fuso horário;Estágio do ciclo de vida;Canal de vendas;Pacote de suporte;ARR;Observações\r\n' +
			`${tag}-1;"Padaria São João; Ltda";Média empresa;América Latina;America/Sao_Paulo;Adoção;Direto;Padrão;1.200.000;"Primeira linha\r\nsegunda ""linha"""\r\n` +
			'\r\n' +
			`${tag}-2;Café Ñandú;Pequena empresa;América Latina;America/Sao_Paulo;Integração;Direto;Padrão;80.000,00;\r\n`;
		// Parts of 7 bytes cut the BOM, "ã", "é", "Ñ" and the quoted line break in two.
		const id = await upload(manager, file, { partSize: 7 });

		const { page, result, after } = await checkAsOffered(manager, id);
		expect(page.import).toMatchObject({ status: 'uploaded', separator: ';', rowCount: 2 });
		expect(page.header[0]).toBe('ID externo');
		expect(page.mappingOrigin).toBe('guessed');
		expect(page.preview).toEqual([
			{
				line: 2,
				fields: [
					`${tag}-1`,
					'Padaria São João; Ltda',
					'Média empresa',
					'América Latina',
					'America/Sao_Paulo',
					'Adoção',
					'Direto',
					'Padrão',
					'1.200.000',
					'Primeira linha\r\nsegunda "linha"'
				],
				errorFields: []
			},
			{
				// Line 5: the quoted field ran over two lines, and a blank line came before.
				line: 5,
				fields: [
					`${tag}-2`,
					'Café Ñandú',
					'Pequena empresa',
					'América Latina',
					'America/Sao_Paulo',
					'Integração',
					'Direto',
					'Padrão',
					'80.000,00',
					''
				],
				errorFields: []
			}
		]);
		expect(result).toEqual({ ok: true, totals: { errors: 0, create: 2, update: 0, unchanged: 0 } });
		expect(after.import.status).toBe('validated');

		await imports.commit(t.db, manager, id, after.import.version);
		const [first, second] = await accountsWith([`${tag}-1`, `${tag}-2`]);
		expect(first).toMatchObject({
			name: 'Padaria São João; Ltda',
			segment: 'mid_market',
			region: 'latam',
			lifecycle_stage: 'adoption',
			arr: 1_200_000,
			notes: 'Primeira linha\r\nsegunda "linha"'
		});
		expect(second).toMatchObject({
			name: 'Café Ñandú',
			segment: 'smb',
			arr: 80_000,
			reseller_id: null
		});
	});

	it('reads the separator from the header even after blank lines, in parts of a few bytes', async () => {
		const manager = await makeUser(t.db, 'manager');
		const id = await upload(
			manager,
			`\r\n  \r\nExternal id;Name;Notes\r\nX-1;"Semi; colon";"a, b"\r\n`,
			{
				partSize: 5
			}
		);
		const page = await imports.get(t.db, manager, id);
		expect(page.import.separator).toBe(';');
		expect(page.header).toEqual(['External id', 'Name', 'Notes']);
		expect(page.preview).toEqual([
			{ line: 4, fields: ['X-1', 'Semi; colon', 'a, b'], errorFields: [] }
		]);
	});

	it('stages the same file sent whole, as the form without JavaScript sends it', async () => {
		const manager = await makeUser(t.db, 'manager');
		const tag = uniqueTag();
		const id = await imports.uploadWhole(
			t.db,
			manager,
			{ kind: 'accounts', source: 'Whole' },
			{
				name: 'whole.csv',
				chunks: asChunks(
					encode(`${HEADER}\n${row(`${tag}-1`, 'Whole One')}\n${row(`${tag}-2`, '"Whole, Two"')}`)
				)
			}
		);
		const page = await imports.get(t.db, manager, id);
		expect(page.import).toMatchObject({
			status: 'uploaded',
			separator: ',',
			rowCount: 2,
			filename: 'whole.csv'
		});
		expect(page.preview.map((r) => r.fields[1])).toEqual(['Whole One', 'Whole, Two']);
	});

	it.each([
		['an empty file', '', 'import.error.empty', {}],
		['a header and no rows', `${HEADER}\r\n\r\n,,,,,,,,,,,\r\n`, 'import.error.headerOnly', {}],
		[
			'two columns of one name',
			'Name,ARR,name\n1,2,3\n',
			'import.error.duplicateHeader',
			{ name: 'name' }
		],
		[
			'a quote never closed',
			`${HEADER}\n${row('X-1', 'Fine')}\n"X-2,Broken\n${row('X-3', 'After')}\n`,
			'import.error.unclosedQuote',
			{ line: 3 }
		],
		[
			'text after a closing quote',
			`${HEADER}\n"X-1"x,Bad\n`,
			'import.error.textAfterQuote',
			{ line: 2 }
		]
	])(
		'refuses %s with a clear message, and keeps nothing of it',
		async (_name, file, key, params) => {
			const manager = await makeUser(t.db, 'manager');
			const before = await t.db
				.selectFrom('imports')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			const error = await upload(manager, file, { partSize: 16 }).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(UploadError);
			expect(error).toMatchObject({ key, params });
			const after = await t.db
				.selectFrom('imports')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			expect(Number(after.n)).toBe(Number(before.n));
		}
	);

	it('refuses a quote that swallows the rest of the file once it passes any real row', async () => {
		const manager = await makeUser(t.db, 'manager');
		const rows = Array.from({ length: 3000 }, (_, i) => row(`L-${i}`, `Long ${i}`));
		const file = `${HEADER}\n${row('L-x', '"Opened')}\n${rows.join('\n')}\n`;
		await expect(upload(manager, file, { partSize: 64 * 1024 })).rejects.toMatchObject({
			key: 'import.error.recordTooLong',
			params: { line: 2, max: 100_000 }
		});
	});

	it('refuses a file that is not UTF-8, and one that is not text', async () => {
		const manager = await makeUser(t.db, 'manager');
		// "Café" as Excel's Windows-1252 "CSV" writes it.
		const latin1 = Uint8Array.from([...encode('Name\nCaf'), 0xe9, 0x0a]);
		await expect(upload(manager, latin1)).rejects.toMatchObject({ key: 'import.error.notUtf8' });
		const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
		await expect(upload(manager, xlsx)).rejects.toMatchObject({ key: 'import.error.notCsv' });
		// A character the file cuts off at its very end is no UTF-8 either.
		const cut = encode('Name\nCafé').subarray(0, -1);
		await expect(upload(manager, cut, { partSize: 3 })).rejects.toMatchObject({
			key: 'import.error.notUtf8'
		});
	});

	it('takes parts only in order, and only from the person uploading', async () => {
		const manager = await makeUser(t.db, 'manager');
		const other = await makeUser(t.db, 'manager');
		const id = await imports.create(t.db, manager, { kind: 'accounts', source: 'Order' }, 'a.csv');
		const part = encode(`${HEADER}\n`);
		await imports.uploadPart(t.db, manager, id, { offset: 0, final: false }, asChunks(part));
		// The same part again (offset 0), or a part that skips bytes, is refused.
		await expect(
			imports.uploadPart(t.db, manager, id, { offset: 0, final: false }, asChunks(part))
		).rejects.toBeInstanceOf(imports.UploadOrderError);
		await expect(
			imports.uploadPart(t.db, other, id, { offset: part.length, final: true }, asChunks(part))
		).rejects.toBeInstanceOf(ForbiddenError);
		const staged = await imports.get(t.db, manager, id);
		expect(staged.import.status).toBe('uploading');
	});

	it('reports every bad row with its line, and commits nothing while any is bad', async () => {
		const manager = await makeUser(t.db, 'manager');
		const tag = uniqueTag();
		const file = [
			HEADER,
			row(`${tag}-1`, 'Good One'),
			row(`${tag}-2`, 'Bad Segment', { segment: 'Huge' }),
			`${tag}-3,Too few cells`,
			row(`${tag}-4`, 'Unknown reseller', { channel: 'reseller', reseller: 'Nobody Ltd' }),
			row(`${tag}-1`, 'Same id again'),
			row(`${tag}-6`, '', { arr: 'lots' })
		].join('\n');
		const id = await upload(manager, file);
		const { result, after } = await checkAsOffered(manager, id);

		expect(result).toEqual({ ok: true, totals: { errors: 5, create: 1, update: 0, unchanged: 0 } });
		expect(after.import).toMatchObject({ status: 'invalid', errorCount: 5 });
		expect(after.problems.map((p) => [p.line, p.column, p.message])).toEqual([
			[3, 'Segment', '"Huge" is not one of: Enterprise, Mid-market, Small business.'],
			[4, '', 'This row has 2 values; the header has 12.'],
			[5, 'Reseller', 'No reseller is named "Nobody Ltd".'],
			[6, 'External id', 'Line 2 has the same external id.'],
			[7, 'Name', 'This field is required.'],
			[7, 'ARR', 'Enter a whole number.']
		]);
		expect(after.preview.find((r) => r.line === 3)?.errorFields).toEqual(['segment']);

		await expect(imports.commit(t.db, manager, id, after.import.version)).rejects.toMatchObject({
			field: 'commit',
			messageKey: 'import.error.notReady'
		});
		expect(await accountsWith([`${tag}-1`, `${tag}-6`])).toEqual([]);

		// The report has every problem, in the user's language, with the row as the file had it.
		const report = await imports.problemReport(t.db, manager, id);
		const lines: unknown[][] = [];
		for await (const batch of report.batches) lines.push(...batch);
		expect(report.header.slice(0, 4)).toEqual(['Line', 'Column', 'Problem', 'External id']);
		expect(lines).toHaveLength(6);
		expect(lines[0]).toEqual([
			3,
			'Segment',
			'"Huge" is not one of: Enterprise, Mid-market, Small business.',
			...row(`${tag}-2`, 'Bad Segment', { segment: 'Huge' }).split(',')
		]);
	});

	it('creates accounts with their audit rows and health, then updates them on re-import without duplicates', async () => {
		const manager = await makeUser(t.db, 'manager');
		const reseller = await makeReseller(t.db);
		const tag = uniqueTag();
		const source = `CRM ${tag}`;
		const rows = [
			row(`${tag}-1`, 'Alpha'),
			row(`${tag}-2`, 'Beta', { channel: 'Reseller', reseller: reseller.name.toUpperCase() }),
			row(`${tag}-3`, 'Gamma', { arr: '"1,500,000"' })
		];
		const first = await upload(manager, [HEADER, ...rows].join('\r\n') + '\r\n', { source });
		const checked = await checkAsOffered(manager, first);
		expect(checked.result).toMatchObject({ ok: true, totals: { create: 3, errors: 0 } });
		expect(await imports.commit(t.db, manager, first, checked.after.import.version)).toEqual({
			errors: 0,
			create: 3,
			update: 0,
			unchanged: 0
		});

		const created = await accountsWith([`${tag}-1`, `${tag}-2`, `${tag}-3`]);
		expect(created.map((a) => [a.name, a.sales_channel, a.reseller_id, a.arr, a.version])).toEqual([
			['Alpha', 'direct', null, 120_000, 1],
			['Beta', 'reseller', reseller.id, 120_000, 1],
			['Gamma', 'direct', null, 1_500_000, 1]
		]);
		const ids = created.map((a) => a.id);
		const audits = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('entity', '=', 'account')
			.where('entity_id', 'in', ids)
			.execute();
		expect(audits.map((a) => [a.action, a.actor_id])).toEqual(
			ids.map(() => ['create', manager.id])
		);
		const health = await t.db
			.selectFrom('account_health')
			.select('account_id')
			.where('account_id', 'in', ids)
			.execute();
		expect(health).toHaveLength(3);
		const done = await imports.get(t.db, manager, first);
		expect(done.import).toMatchObject({ status: 'committed', createCount: 3 });
		const leftover = await t.db
			.selectFrom('import_rows')
			.select('line')
			.where('import_id', '=', first)
			.execute();
		expect(leftover).toEqual([]);

		// The same file again, from the same source: its matching is remembered, nothing changes.
		const again = await upload(manager, [HEADER, ...rows].join('\r\n'), {
			source: ` ${source.toLowerCase()} `
		});
		const same = await checkAsOffered(manager, again);
		expect(same.page.mappingOrigin).toBe('remembered');
		expect(same.result).toMatchObject({ ok: true, totals: { create: 0, update: 0, unchanged: 3 } });

		// A changed file updates in place: one new ARR, one new name; the rest untouched.
		const changed = [
			rows[0],
			row(`${tag}-2`, 'Beta Renamed', { channel: 'reseller', reseller: reseller.name }),
			row(`${tag}-3`, 'Gamma', { arr: '2000000' })
		];
		const third = await upload(manager, [HEADER, ...changed].join('\n'), { source });
		const checkedThird = await checkAsOffered(manager, third);
		expect(checkedThird.result).toMatchObject({
			ok: true,
			totals: { create: 0, update: 2, unchanged: 1 }
		});
		await imports.commit(t.db, manager, third, checkedThird.after.import.version);

		const updated = await accountsWith([`${tag}-1`, `${tag}-2`, `${tag}-3`]);
		expect(updated.map((a) => a.id)).toEqual(ids);
		expect(updated.map((a) => [a.name, a.arr, a.version])).toEqual([
			['Alpha', 120_000, 1],
			['Beta Renamed', 120_000, 2],
			['Gamma', 2_000_000, 2]
		]);
		const updates = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('entity', '=', 'account')
			.where('action', '=', 'update')
			.where('entity_id', 'in', ids)
			.orderBy('entity_id')
			.execute();
		expect(updates.map((a) => [a.entity_id, a.before?.arr, a.after?.arr])).toEqual([
			[ids[1], 120_000, 120_000],
			[ids[2], 1_500_000, 2_000_000]
		]);
		expect(updates[0]!.before?.name).toBe('Beta');
		expect(updates[0]!.after?.name).toBe('Beta Renamed');
	});

	it('updates the columns a file has and keeps the rest', async () => {
		const manager = await makeUser(t.db, 'manager');
		const tag = uniqueTag();
		const id = await upload(
			manager,
			`${HEADER}\n${row(`${tag}-1`, 'Keeps notes', { notes: 'Original' })}\n`
		);
		await imports.commit(
			t.db,
			manager,
			id,
			(await checkAsOffered(manager, id)).after.import.version
		);

		// A file with only the id and ARR: new accounts cannot come from it, existing ones update.
		const partial = await upload(manager, `External id;ARR\n${tag}-1;"250.000"\n${tag}-new;1\n`, {
			source: `partial ${tag}`
		});
		const { after } = await checkAsOffered(manager, partial);
		expect(after.problems.map((p) => [p.line, p.column])).toEqual([
			[3, 'Name'],
			[3, 'Segment'],
			[3, 'Region'],
			[3, 'Time zone'],
			[3, 'Lifecycle stage'],
			[3, 'Sales channel'],
			[3, 'Support package']
		]);
	});

	it('refuses a second commit of one import, even when both start at once', async () => {
		const manager = await makeUser(t.db, 'manager');
		const admin = await makeUser(t.db, 'admin');
		const tag = uniqueTag();
		const id = await upload(manager, `${HEADER}\n${row(`${tag}-1`, 'Once')}\n`);
		const { after } = await checkAsOffered(manager, id);
		const version = after.import.version;

		const outcomes = await Promise.allSettled([
			imports.commit(t.db, manager, id, version),
			imports.commit(t.db, admin, id, version)
		]);
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
		const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
		expect(refused.reason).toBeInstanceOf(StaleVersionError);
		expect(await accountsWith([`${tag}-1`])).toHaveLength(1);

		const now = await imports.get(t.db, manager, id);
		await expect(imports.commit(t.db, manager, id, now.import.version)).rejects.toMatchObject({
			messageKey: 'import.error.committed'
		});
	});

	it('writes nothing when a row turns bad between the check and the commit, even after earlier batches', async () => {
		const manager = await makeUser(t.db, 'manager');
		const reseller = await makeReseller(t.db);
		const tag = uniqueTag();
		// 1,200 rows: the commit writes the first 1,000 before it meets the last one.
		const rows = Array.from({ length: 1200 }, (_, i) =>
			i === 1199
				? row(`${tag}-${i}`, `Row ${i}`, { channel: 'reseller', reseller: reseller.name })
				: row(`${tag}-${i}`, `Row ${i}`)
		);
		const id = await upload(manager, [HEADER, ...rows].join('\n'), { partSize: 16 * 1024 });
		const { after } = await checkAsOffered(manager, id);
		expect(after.import).toMatchObject({ status: 'validated', createCount: 1200 });

		await t.db
			.updateTable('resellers')
			.set({ name: `${reseller.name} (renamed)` })
			.where('id', '=', reseller.id)
			.execute();
		const error = await imports
			.commit(t.db, manager, id, after.import.version)
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConflictError);
		expect(error).toMatchObject({ messageKey: 'import.error.changed' });
		const written = await t.db
			.selectFrom('accounts')
			.select('id')
			.where('external_id', 'like', `${tag}-%`)
			.execute();
		expect(written).toEqual([]);
		expect((await imports.get(t.db, manager, id)).import.status).toBe('validated');
	});

	it('lets admins and managers import, and refuses CSMs, sales and partners everything', async () => {
		const admin = await makeUser(t.db, 'admin');
		const id = await upload(admin, `${HEADER}\n${row(`${uniqueTag()}-1`, 'By admin')}\n`);
		expect((await imports.list(t.db, admin)).imports.some((i) => i.id === id)).toBe(true);

		for (const role of ['csm', 'sales', 'partner'] as const) {
			const user = await makeUser(t.db, role);
			await expect(imports.list(t.db, user), role).rejects.toBeInstanceOf(ForbiddenError);
			await expect(imports.get(t.db, user, id), role).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				imports.create(t.db, user, { kind: 'accounts', source: 'x' }, 'x.csv'),
				role
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				imports.uploadWhole(
					t.db,
					user,
					{ kind: 'accounts', source: 'x' },
					{ name: 'x.csv', chunks: asChunks(encode(HEADER)) }
				),
				role
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				imports.check(t.db, user, id, 1, () => null),
				role
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(imports.commit(t.db, user, id, 1), role).rejects.toBeInstanceOf(ForbiddenError);
			await expect(imports.discard(t.db, user, id), role).rejects.toBeInstanceOf(ForbiddenError);
			await expect(imports.problemReport(t.db, user, id), role).rejects.toBeInstanceOf(
				ForbiddenError
			);
		}
		expect((await imports.get(t.db, admin, id)).import.status).toBe('uploaded');
	});

	it('discards an import and its rows, but not one already committed', async () => {
		const manager = await makeUser(t.db, 'manager');
		const id = await upload(manager, `${HEADER}\n${row(`${uniqueTag()}-1`, 'Discarded')}\n`);
		await imports.discard(t.db, manager, id);
		expect(
			await t.db.selectFrom('import_rows').select('line').where('import_id', '=', id).execute()
		).toEqual([]);
		await expect(imports.get(t.db, manager, id)).rejects.toMatchObject({ name: 'NotFoundError' });
	});
});
