/**
 * Generators for one account's attributes: company and people names, contacts, support
 * package, ARR and renewal dates. Pure functions of a seeded `Rng`.
 */
import type { LifecycleStage, Segment, SupportPackage } from '../../domain/vocabulary';
import { COMPANIES, PEOPLE, type Culture } from './demo-names';
import { CONTACT_TITLES, type Market } from './demo-vocabulary';
import type { Rng } from './random';

export interface PlannedContact {
	name: string;
	title: string;
	email: string;
	phone: string;
	isPrimary: boolean;
	onboardedOn: string | null;
}

export function personName(rng: Rng, culture: Culture) {
	const people = PEOPLE[culture];
	const first = rng.pick(people.first);
	const last = rng.pick(people.last);
	const second = rng.chance(people.secondLast) ? rng.pick(people.last) : last;
	const full = second === last ? `${first} ${last}` : `${first} ${last} ${second}`;
	return { first, last, full };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const slug = (text: string) =>
	text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');

/** A company name not in `used` (which it extends), and a web domain for its emails. */
export function companyName(rng: Rng, market: Market, used: Set<string>) {
	const parts = COMPANIES[market.culture];
	const people = PEOPLE[market.culture];
	for (let attempt = 0; ; attempt++) {
		const pattern =
			attempt < 30
				? rng.weighted([
						['stem', 45],
						['surname', 20],
						['qualifier', 20],
						['solo', 10],
						['prefix', 5]
					] as const)
				: 'qualifier';
		const stem = rng.pick(parts.stems);
		const sector = rng.pick(parts.sectors);
		let base =
			pattern === 'surname'
				? `${capitalize(rng.pick(people.last))} ${sector}`
				: pattern === 'qualifier'
					? `${stem} ${sector} ${rng.pick(parts.qualifiers)}`
					: pattern === 'solo'
						? `${stem} ${rng.pick(parts.qualifiers)}`
						: pattern === 'prefix' && parts.prefixes.length > 0
							? `${rng.pick(parts.prefixes)} ${stem}`
							: `${stem} ${sector}`;
		if (attempt >= 60) base = `${base} ${attempt - 58}`;
		let legal = rng.pick(parts.legal);
		// No "Thames Group Group Ltd": a legal form repeating a word of the name falls back.
		if (legal.split(' ').some((word) => base.split(' ').includes(word)))
			legal = parts.legal[0] ?? '';
		const name = `${base} ${legal}`;
		if (used.has(base) || used.has(name)) continue;
		used.add(base).add(name);
		return { name, domain: `${slug(base)}.${market.tld}` };
	}
}

export function supportPackage(rng: Rng, segment: Segment): SupportPackage {
	if (segment === 'enterprise')
		return rng.weighted([
			['enterprise', 60],
			['premium', 35],
			['standard', 5]
		]);
	if (segment === 'mid_market')
		return rng.weighted([
			['premium', 45],
			['standard', 45],
			['enterprise', 10]
		]);
	return rng.weighted([
		['standard', 75],
		['premium', 25]
	]);
}

/** ARR in whole USD, log-uniform within the segment's band, rounded like a price list. */
export function arr(rng: Rng, segment: Segment): number {
	const [low, high, step] =
		segment === 'enterprise'
			? [250_000, 4_500_000, 1000]
			: segment === 'mid_market'
				? [40_000, 400_000, 500]
				: [4_000, 50_000, 100];
	const value = Math.exp(rng.float(Math.log(low), Math.log(high)));
	return Math.round(value / step) * step;
}

/** Days from today to the renewal: churned ones lapsed, renewals are close, new ones are far. */
export function renewalOffset(rng: Rng, stage: LifecycleStage): number {
	if (stage === 'churned') return rng.int(-60, -1);
	if (stage === 'renewal') return rng.int(-14, 120);
	if (stage === 'onboarding') return rng.int(200, 548);
	return rng.int(-60, 548);
}

export function addDays(isoDate: string, days: number): string {
	const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function contacts(
	rng: Rng,
	market: Market,
	domain: string,
	segment: Segment,
	stage: LifecycleStage,
	today: string
): PlannedContact[] {
	const count =
		segment === 'enterprise'
			? rng.int(2, 5)
			: segment === 'mid_market'
				? rng.int(1, 4)
				: rng.int(1, 3);
	const titles = CONTACT_TITLES[market.locale];
	const others = rng.shuffle(titles.other);
	const names = new Set<string>();
	const emails = new Set<string>();
	const result: PlannedContact[] = [];
	while (result.length < count) {
		const person = personName(rng, market.culture);
		if (names.has(person.full)) continue;
		names.add(person.full);
		const isPrimary = result.length === 0;
		let local = `${slug(person.first)}.${slug(person.last)}`;
		if (emails.has(local)) local = `${slug(person.first).charAt(0)}${slug(person.last)}`;
		emails.add(local);
		const onboarded =
			stage === 'churned'
				? true
				: stage === 'onboarding'
					? rng.chance(isPrimary ? 0.4 : 0.1)
					: rng.chance(0.85);
		result.push({
			name: person.full,
			title: isPrimary
				? rng.pick(titles.primary)
				: (others[result.length - 1] ?? rng.pick(titles.other)),
			email: `${local}@${domain}`,
			phone: rng.digits(rng.pick(market.phones)),
			isPrimary,
			onboardedOn: onboarded
				? addDays(today, stage === 'onboarding' ? -rng.int(0, 30) : -rng.int(31, 720))
				: null
		});
	}
	return result;
}
