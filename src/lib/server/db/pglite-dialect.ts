import type { PGlite } from '@electric-sql/pglite';
import {
	CompiledQuery,
	PostgresAdapter,
	PostgresIntrospector,
	PostgresQueryCompiler,
	type DatabaseConnection,
	type Dialect,
	type Driver,
	type Kysely,
	type QueryResult,
	type TransactionSettings
} from 'kysely';

/**
 * Kysely dialect for the embedded PGlite database. PGlite has a single session, so the driver
 * hands its one connection to one caller at a time (FIFO); otherwise a transaction begun by one
 * request would swallow the statements of another.
 */
export class PGliteDialect implements Dialect {
	constructor(private readonly pglite: PGlite) {}

	createAdapter() {
		return new PostgresAdapter();
	}
	createDriver(): Driver {
		return new PGliteDriver(this.pglite);
	}
	createIntrospector(db: Kysely<unknown>) {
		return new PostgresIntrospector(db);
	}
	createQueryCompiler() {
		return new PostgresQueryCompiler();
	}
}

class PGliteConnection implements DatabaseConnection {
	constructor(private readonly pglite: PGlite) {}

	async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
		const result = await this.pglite.query<R>(query.sql, [...query.parameters]);
		return {
			rows: result.rows,
			numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows)
		};
	}

	// eslint-disable-next-line require-yield
	async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
		throw new Error('PGlite dialect does not support streaming queries');
	}
}

class PGliteDriver implements Driver {
	readonly #connection: PGliteConnection;
	#queue: Promise<void> = Promise.resolve();
	#release: (() => void) | undefined;

	constructor(private readonly pglite: PGlite) {
		this.#connection = new PGliteConnection(pglite);
	}

	async init() {
		await this.pglite.waitReady;
	}

	async acquireConnection(): Promise<DatabaseConnection> {
		const previous = this.#queue;
		let release!: () => void;
		this.#queue = new Promise((resolve) => (release = resolve));
		await previous;
		this.#release = release;
		return this.#connection;
	}

	async releaseConnection() {
		const release = this.#release;
		this.#release = undefined;
		release?.();
	}

	async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
		const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
		await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
	}
	async commitTransaction(connection: DatabaseConnection) {
		await connection.executeQuery(CompiledQuery.raw('commit'));
	}
	async rollbackTransaction(connection: DatabaseConnection) {
		await connection.executeQuery(CompiledQuery.raw('rollback'));
	}
	async savepoint(connection: DatabaseConnection, name: string) {
		await connection.executeQuery(CompiledQuery.raw(`savepoint ${name}`));
	}
	async rollbackToSavepoint(connection: DatabaseConnection, name: string) {
		await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${name}`));
	}
	async releaseSavepoint(connection: DatabaseConnection, name: string) {
		await connection.executeQuery(CompiledQuery.raw(`release savepoint ${name}`));
	}

	async destroy() {
		await this.pglite.close();
	}
}
