import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO } from '../support/browser';
import { postUrlencoded, postSignIn, sessionFor } from '../support/http-probe';

/**
 * Password guessing against the sign-in form, from chosen loopback addresses (the server sees
 * each as a different client). The rules (src/lib/domain/login-throttle.ts): 5 failures per
 * account and address, 20 per address, 50 per account within 15 minutes.
 *
 * Each test guesses against its own new user, and never from 127.0.0.1, where the other browser
 * tests sign in: a blocked account or address here must not fail them.
 */
const baseURL = inject('baseURL');
const tag = Date.now().toString(36);
const PASSWORD = 'the real passphrase 2026';
/** A /16 of loopback addresses of this run's own, so a rerun on the same server starts clean. */
const net = `127.${1 + (Date.now() % 250)}`;

/** A new CSM made by the admin, with a password only this test knows. */
async function newUser(label: string) {
	const email = `brute-${label}-${tag}@keel.test`;
	const admin = await sessionFor(baseURL, DEMO.admin);
	const created = await postUrlencoded(baseURL, admin, '/admin/users?/create', {
		email,
		name: `Zz Brute ${label} ${tag}`,
		role: 'csm',
		reseller_id: '',
		password: PASSWORD
	});
	expect(created.status).toBe(200);
	return email;
}

/** The seconds the refusal asks the user to wait, from its message. */
function waitSeconds(body: string): number {
	const match = /please wait (\d+) seconds/.exec(body);
	if (!match) throw new Error('no wait in the refusal');
	return Number(match[1]);
}

describe('brute force on sign-in', () => {
	let oneAddress: string;
	let manyAddresses: string;
	beforeAll(async () => {
		[oneAddress, manyAddresses] = await Promise.all([newUser('one'), newUser('many')]);
	});

	it('50 guesses from one address: blocked there after 5, while the real user signs in from another', async () => {
		const attacker = `${net}.7.1`;
		const statuses: number[] = [];
		for (let i = 0; i < 50; i++) {
			statuses.push(
				(await postSignIn(baseURL, oneAddress, `guess-${i}`, { from: attacker })).status
			);
		}
		expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
		expect(statuses.slice(5)).toEqual(Array(45).fill(429));

		// The right password does not get through from the attacker's address either: the block is
		// on the address and account, not on wrong answers.
		const guessed = await postSignIn(baseURL, oneAddress, PASSWORD, { from: attacker });
		expect(guessed.status).toBe(429);
		expect(waitSeconds(guessed.body)).toBeGreaterThan(0);

		const realUser = await postSignIn(baseURL, oneAddress, PASSWORD, { from: `${net}.7.2` });
		expect(realUser.status).toBe(303);
		expect(realUser.headers.location).toBe('/');
	});

	it('one address guessing across many accounts is blocked after 20, for every account', async () => {
		const sprayer = `${net}.7.3`;
		const statuses: number[] = [];
		for (let i = 0; i < 25; i++) {
			const email = `nobody-${i}-${tag}@keel.test`;
			statuses.push((await postSignIn(baseURL, email, 'Summer2026!', { from: sprayer })).status);
		}
		expect(statuses.slice(0, 20)).toEqual(Array(20).fill(400));
		expect(statuses.slice(20)).toEqual(Array(5).fill(429));
		// Even a real user's right password is refused from that address, for 15 minutes.
		const fromSprayer = await postSignIn(baseURL, oneAddress, PASSWORD, { from: sprayer });
		expect(fromSprayer.status).toBe(429);
		expect(waitSeconds(fromSprayer.body)).toBeGreaterThan(14 * 60);
	});

	/**
	 * Spread over 50 addresses, no per-address rule fires. The account-wide rule then blocks the
	 * account for one minute, for everyone, the real user included. That is the chosen trade-off:
	 * it holds a botnet to about one guess a minute once it has had its 50, and the real user waits
	 * at most a minute (told so) rather than being locked out until someone unlocks them.
	 */
	it('50 guesses spread over 50 addresses block the account, for at most a minute', async () => {
		const statuses: number[] = [];
		for (let batch = 0; batch < 10; batch++) {
			const attempts = Array.from({ length: 5 }, (_, i) =>
				postSignIn(baseURL, manyAddresses, `guess-${batch}-${i}`, {
					from: `${net}.8.${batch * 5 + i + 1}`
				})
			);
			statuses.push(...(await Promise.all(attempts)).map((r) => r.status));
		}
		expect(statuses).toEqual(Array(50).fill(400));

		const realUser = await postSignIn(baseURL, manyAddresses, PASSWORD, { from: `${net}.8.200` });
		expect(realUser.status).toBe(429);
		const wait = waitSeconds(realUser.body);
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(60);
		// Other accounts are untouched by it.
		const other = await postSignIn(baseURL, oneAddress, PASSWORD, { from: `${net}.8.201` });
		expect(other.status).toBe(303);
	});
});
