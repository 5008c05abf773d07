/**
 * PostgreSQL and Redis for the queue-mode suite, started from Debian's packages (scripts/system-deps.sh
 * installs them) on loopback, on free ports, in a fresh temp folder, each in its own process group, and
 * stopped (and their folders removed) by stop(). Nothing here touches a system cluster or service.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { freePort, logTail } from './n8n';
import { newTempDir } from './paths';

export interface Service {
	port: number;
	logFile: string;
	stop(): Promise<void>;
}

export interface Postgres extends Service {
	database: string;
	user: string;
	password: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) throw new Error('PostgreSQL is not installed (scripts/system-deps.sh installs Debian\'s postgresql)');
	const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
	if (!versions.length) throw new Error(`no PostgreSQL server binaries under ${root}`);
	return join(root, versions[0]!, 'bin');
}

/** Runs a command as the `postgres` OS user when we are root (initdb refuses root), else as ourselves. */
function asPostgres(cmd: string, args: string[]): { cmd: string; args: string[] } {
	if (process.getuid?.() === 0) return { cmd: 'runuser', args: ['-u', 'postgres', '--', cmd, ...args] };
	return { cmd, args };
}

function run(cmd: string, args: string[], what: string): string {
	const c = asPostgres(cmd, args);
	const r = spawnSync(c.cmd, c.args, { encoding: 'utf8', timeout: 120_000 });
	if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr || r.stdout}`);
	return r.stdout;
}

/** A throw-away PostgreSQL cluster with one database owned by one password user. */
export async function startPostgres(logDir: string): Promise<Postgres> {
	const bin = postgresBin();
	const dir = newTempDir('inquiry-router-pg');
	const data = join(dir, 'data');
	mkdirSync(data);
	if (process.getuid?.() === 0) {
		const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
		const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
		chownSync(dir, Number(id.stdout), Number(gid.stdout));
		chownSync(data, Number(id.stdout), Number(gid.stdout));
	}
	run(join(bin, 'initdb'), ['-D', data, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8'], 'initdb');
	const port = await freePort();
	const logFile = join(logDir, 'postgres.log');
	closeSync(openSync(logFile, 'a'));
	if (process.getuid?.() === 0) {
		const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
		chownSync(logFile, Number(id.stdout), -1);
	}
	run(
		join(bin, 'pg_ctl'),
		['-D', data, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`, 'start'],
		'pg_ctl start',
	);
	const user = 'n8n';
	const password = 'n8n-e2e-local';
	const database = 'n8n_e2e';
	const psql = (sql: string) => run(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql], `psql ${sql}`);
	psql(`CREATE ROLE ${user} LOGIN PASSWORD '${password}'`);
	psql(`CREATE DATABASE ${database} OWNER ${user}`);
	// If this process dies without stop(), the cluster must not outlive it.
	const stopAtExit = () => {
		const c = asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
		spawnSync(c.cmd, c.args, { timeout: 20_000 });
	};
	process.on('exit', stopAtExit);
	return {
		port,
		logFile,
		database,
		user,
		password,
		async stop() {
			process.off('exit', stopAtExit);
			try {
				run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], 'pg_ctl stop');
			} catch {
				// already stopped
			}
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** A throw-away Redis on loopback without persistence (a fresh one per run: no stale webhook keys). */
export async function startRedis(logDir: string): Promise<Service> {
	const port = await freePort();
	const logFile = join(logDir, 'redis.log');
	const fd = openSync(logFile, 'a');
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
		detached: true,
		stdio: ['ignore', fd, fd],
	});
	closeSync(fd);
	child.unref();
	const pid = child.pid!;
	let exited = false;
	child.on('exit', () => (exited = true));
	const deadline = Date.now() + 30_000;
	for (;;) {
		const r = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], { encoding: 'utf8' });
		if (r.stdout?.trim() === 'PONG') break;
		if (exited || Date.now() > deadline) throw new Error(`redis-server did not start; log:\n${logTail(logFile)}`);
		await sleep(200);
	}
	const killAtExit = () => {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// gone
		}
	};
	process.on('exit', killAtExit);
	return {
		port,
		logFile,
		async stop() {
			try {
				process.kill(-pid, 'SIGTERM');
			} catch {
				// gone
			}
			for (let i = 0; i < 50 && !exited; i++) await sleep(100);
			killAtExit();
			process.off('exit', killAtExit);
		},
	};
}
