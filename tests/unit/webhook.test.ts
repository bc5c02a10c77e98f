import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	MAX_ATTEMPTS,
	MAX_RESPONSE_CHARS,
	isDelivered,
	nextAttemptAt,
	truncateResponse,
	webhookUrlProblem
} from '../../src/lib/domain/webhook';
import { signDelivery } from '../../src/lib/domain/webhook-signature';

const NOW = new Date('2026-11-22T10:00:00Z');
const minutesLater = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('signing a delivery', () => {
	it('is the hex HMAC-SHA256 of "timestamp.body" with the secret, as a receiver computes it', () => {
		const body = JSON.stringify({ text: 'Olá, Keel', event: 'test' });
		const expected = createHmac('sha256', 'whsec_abc').update(`1795000000.${body}`).digest('hex');
		expect(signDelivery('whsec_abc', '1795000000', body)).toBe(`sha256=${expected}`);
	});

	it('changes with the timestamp, the body and the secret', () => {
		const base = signDelivery('s1', '100', '{}');
		expect(signDelivery('s1', '101', '{}')).not.toBe(base);
		expect(signDelivery('s1', '100', '{ }')).not.toBe(base);
		expect(signDelivery('s2', '100', '{}')).not.toBe(base);
	});
});

describe('the retry schedule', () => {
	it('waits 1 min, 5 min, 30 min, 2 h and 12 h after each failed attempt, then gives up', () => {
		expect(nextAttemptAt(1, NOW)).toEqual(minutesLater(1));
		expect(nextAttemptAt(2, NOW)).toEqual(minutesLater(5));
		expect(nextAttemptAt(3, NOW)).toEqual(minutesLater(30));
		expect(nextAttemptAt(4, NOW)).toEqual(minutesLater(120));
		expect(nextAttemptAt(5, NOW)).toEqual(minutesLater(720));
		expect(nextAttemptAt(6, NOW)).toBeNull();
		expect(MAX_ATTEMPTS).toBe(6);
	});

	it('gives a manual retry of a failed delivery one attempt', () => {
		expect(nextAttemptAt(MAX_ATTEMPTS + 1, NOW)).toBeNull();
	});

	it('counts only 2xx as delivered', () => {
		expect([199, 200, 204, 299, 301, 404, 500].map(isDelivered)).toEqual([
			false,
			true,
			true,
			true,
			false,
			false,
			false
		]);
	});
});

describe('webhook URLs', () => {
	it('accepts http and https endpoints', () => {
		expect(webhookUrlProblem('https://hooks.slack.com/services/T0/B0/xyz')).toBeNull();
		expect(webhookUrlProblem('http://127.0.0.1:8080/keel')).toBeNull();
	});

	it('refuses other schemes, relative addresses and credentials in the URL', () => {
		expect(webhookUrlProblem('')).toBe('required');
		expect(webhookUrlProblem('ftp://example.com/x')).toBe('invalid');
		expect(webhookUrlProblem('javascript:alert(1)')).toBe('invalid');
		expect(webhookUrlProblem('/hooks/keel')).toBe('invalid');
		expect(webhookUrlProblem('example.com/hook')).toBe('invalid');
		expect(webhookUrlProblem('https://user:pass@example.com/hook')).toBe('invalid');
		expect(webhookUrlProblem(`https://example.com/${'a'.repeat(2000)}`)).toBe('tooLong');
	});
});

describe('what is kept of an answer', () => {
	it('keeps a short answer whole and cuts a long one', () => {
		expect(truncateResponse('ok')).toBe('ok');
		const long = truncateResponse('x'.repeat(10_000));
		expect(long).toHaveLength(MAX_RESPONSE_CHARS + 1);
		expect(long.endsWith('…')).toBe(true);
	});
});
