import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest Debian PostgreSQL server's bin folder, or null when none is installed. */
export function postgresBinaries(): string | null {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length > 0 ? join(root, versions[0]!, 'bin') : null;
}

/**
 * A PostgreSQL cluster of a test's own, in a temp folder on a port of its choosing, that the test
 * may stop and start at will without touching the machine's server. PostgreSQL refuses to run as
 * root, so as root its tools run as the `postgres` user, which owns the folder.
 */
export class ThrowawayPostgres {
	private constructor(
		private readonly bin: string,
		private readonly dir: string,
		readonly port: number,
		private readonly asPostgres: boolean
	) {}

	get url() {
		return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
	}

	private get data() {
		return join(this.dir, 'data');
	}

	static async create(bin: string, port: number): Promise<ThrowawayPostgres> {
		const dir = await mkdtemp(join(tmpdir(), 'keel-pg-'));
		const asPostgres = process.getuid?.() === 0;
		if (asPostgres) {
			const uid = Number((await run('id', ['-u', 'postgres'])).stdout);
			const gid = Number((await run('id', ['-g', 'postgres'])).stdout);
			await chown(dir, uid, gid);
		}
		const cluster = new ThrowawayPostgres(bin, dir, port, asPostgres);
		await cluster.tool('initdb', [
			'-D',
			cluster.data,
			'-U',
			'postgres',
			'--auth=trust',
			'--encoding=UTF8',
			'--locale=C',
			'--no-sync',
			'--no-instructions'
		]);
		return cluster;
	}

	private async tool(name: string, args: string[]) {
		const path = join(this.bin, name);
		const [file, argv] = this.asPostgres
			? ['runuser', ['-u', 'postgres', '--', path, ...args]]
			: [path, args];
		try {
			await run(file, argv, { cwd: this.dir });
		} catch (error) {
			const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
			throw new Error(`${name} failed: ${(error as Error).message}\n${stdout}${stderr}`);
		}
	}

	/** Starts the server and waits until it accepts connections. */
	start() {
		// Throwaway data: durability settings off, the socket in our folder, TCP on loopback only.
		const options = [
			`-p ${this.port}`,
			`-k ${this.dir}`,
			'-c listen_addresses=127.0.0.1',
			'-c fsync=off',
			'-c synchronous_commit=off',
			'-c full_page_writes=off'
		].join(' ');
		return this.tool('pg_ctl', [
			'start',
			'-D',
			this.data,
			'-l',
			join(this.dir, 'server.log'),
			'-w',
			'-o',
			options
		]);
	}

	/** Stops the server as an operator would for maintenance: open connections are ended. */
	stop(mode: 'fast' | 'immediate' = 'fast') {
		return this.tool('pg_ctl', ['stop', '-D', this.data, '-m', mode, '-w']);
	}

	/** Stops the server if it runs, and removes the folder. */
	async destroy() {
		await this.stop('immediate').catch(() => {});
		await rm(this.dir, { recursive: true, force: true });
	}
}
