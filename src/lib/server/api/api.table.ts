import type { ColumnType, Generated, Selectable } from 'kysely';

/** What a token may do: 'read' only GETs; 'write' also the API's writes. */
export type TokenAccess = 'read' | 'write';
export const TOKEN_ACCESS = ['read', 'write'] as const satisfies readonly TokenAccess[];

export interface ApiTokenTable {
	id: Generated<number>;
	user_id: number;
	name: string;
	/** SHA-256 of the token, hex: the token itself is shown once and never stored. */
	token_hash: string;
	access: TokenAccess;
	expires_at: Date | null;
	last_used_at: Date | null;
	revoked_at: Date | null;
	created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ApiRateLimitTable {
	/** 'token:<id>' for a token's requests, 'ip:<address>' for failed authentications. */
	key: string;
	window_start: Date;
	hits: number;
}

export type ApiToken = Selectable<ApiTokenTable>;
