import { describe, expect, it } from 'vitest';
import { safePath } from '../../src/lib/server/http/safe-path';

describe('safePath', () => {
	it('keeps same-site paths with their query', () => {
		expect(safePath('/accounts?csm=3', '/')).toBe('/accounts?csm=3');
	});

	it.each([
		'https://evil.example',
		'//evil.example',
		'/\\evil.example',
		'accounts',
		'',
		null,
		undefined
	])('refuses %s', (raw) => {
		expect(safePath(raw, '/')).toBe('/');
	});
});
