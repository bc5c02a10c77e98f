import { describe, expect, it } from 'vitest';
import { describeChange } from '../../src/lib/domain/audit-diff';

const account = {
	id: 12,
	name: 'Acme Corp',
	segment: 'smb',
	region: 'latam',
	arr: 120000,
	renewal_date: '2027-01-31',
	notes: null,
	version: 3,
	created_at: '2026-01-01T10:00:00.000Z',
	updated_at: '2026-11-20T10:00:00.000Z'
};

describe('describeChange', () => {
	it('lists only the fields that changed, with before and after', () => {
		const after = { ...account, segment: 'enterprise', arr: 450000 };
		expect(describeChange(account, after)).toEqual({
			name: 'Acme Corp',
			fields: [
				{ name: 'segment', from: 'smb', to: 'enterprise' },
				{ name: 'arr', from: '120000', to: '450000' }
			]
		});
	});

	it('lists nothing when nothing changed', () => {
		expect(describeChange(account, { ...account })).toEqual({ name: 'Acme Corp', fields: [] });
	});

	it('ignores version, timestamps and ids, which change on every save', () => {
		const after = {
			...account,
			id: 99,
			account_id: 5,
			version: 4,
			created_at: '2026-11-22T00:00:00.000Z',
			updated_at: '2026-11-22T10:00:00.000Z'
		};
		expect(describeChange({ ...account, account_id: 4 }, after).fields).toEqual([]);
	});

	it('still lists a real change saved alongside a version bump', () => {
		const after = {
			...account,
			version: 4,
			updated_at: '2026-11-22T10:00:00.000Z',
			region: 'emea'
		};
		expect(describeChange(account, after).fields).toEqual([
			{ name: 'region', from: 'latam', to: 'emea' }
		]);
	});

	it('names the entity after the change, e.g. after a rename', () => {
		const after = { ...account, name: 'Acme Holdings' };
		expect(describeChange(account, after)).toEqual({
			name: 'Acme Holdings',
			fields: [{ name: 'name', from: 'Acme Corp', to: 'Acme Holdings' }]
		});
	});

	it('shows empty values (null, missing, empty string) as a dash', () => {
		const after = { ...account, notes: 'Call after Q1' };
		expect(describeChange(account, after).fields).toEqual([
			{ name: 'notes', from: '—', to: 'Call after Q1' }
		]);
		expect(describeChange(after, { ...after, notes: '' }).fields).toEqual([
			{ name: 'notes', from: 'Call after Q1', to: '—' }
		]);
		expect(describeChange({ name: 'X' }, { name: 'X', phone: '+55 11 5555-0000' }).fields).toEqual([
			{ name: 'phone', from: '—', to: '+55 11 5555-0000' }
		]);
	});

	it('does not count a change between kinds of empty', () => {
		expect(describeChange({ name: 'X', notes: null }, { name: 'X', notes: '' }).fields).toEqual([]);
	});

	it('shows booleans, numbers and objects as text', () => {
		const before = { name: 'X', active: true, seats: 0, tags: ['a'] };
		const after = { name: 'X', active: false, seats: 10, tags: ['a', 'b'] };
		expect(describeChange(before, after).fields).toEqual([
			{ name: 'active', from: 'true', to: 'false' },
			{ name: 'seats', from: '0', to: '10' },
			{ name: 'tags', from: '["a"]', to: '["a","b"]' }
		]);
	});

	it('truncates long values to 117 characters and an ellipsis', () => {
		const long = 'x'.repeat(300);
		const [field] = describeChange(
			{ name: 'X', notes: 'short' },
			{ name: 'X', notes: long }
		).fields;
		expect(field!.from).toBe('short');
		expect(field!.to).toBe(`${'x'.repeat(117)}…`);
		expect(field!.to).toHaveLength(118);
	});

	it('keeps values of exactly 120 characters whole', () => {
		const exact = 'y'.repeat(120);
		const [field] = describeChange({ name: 'X', notes: null }, { name: 'X', notes: exact }).fields;
		expect(field!.to).toBe(exact);
	});

	it('gives the name and no fields when the entity was created (no before)', () => {
		expect(describeChange(null, account)).toEqual({ name: 'Acme Corp', fields: [] });
	});

	it('gives the name and no fields when the entity was deleted (no after)', () => {
		expect(describeChange(account, null)).toEqual({ name: 'Acme Corp', fields: [] });
	});

	it('gives an empty name when there is neither side, or no name', () => {
		expect(describeChange(null, null)).toEqual({ name: '', fields: [] });
		expect(describeChange({ role: 'AM' }, { role: 'SE' })).toEqual({
			name: '',
			fields: [{ name: 'role', from: 'AM', to: 'SE' }]
		});
	});
});
