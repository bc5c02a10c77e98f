/**
 * pg and PGlite disagree on how some types arrive in JavaScript. These parsers make both return
 * the same values: dates stay 'YYYY-MM-DD' strings (no time-zone shift), int8 becomes a number,
 * intervals stay ISO-ish strings. numeric stays a string; timestamptz is a Date in both.
 */
export const OID = { int8: 20, date: 1082, interval: 1186 } as const;

export function parseInt8(value: string): number {
	const n = Number(value);
	if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} is not a safe integer`);
	return n;
}

export const identity = (value: string) => value;

export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
	[OID.int8]: parseInt8,
	[OID.date]: identity,
	[OID.interval]: identity
};
