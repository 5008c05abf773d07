/**
 * Start and stop a real `n8n start` bound to 127.0.0.1 on free ports, in its own process group,
 * with its log in a file. The process group is killed on stop(), on this process's exit and on
 * SIGINT/SIGTERM, so no n8n outlives the test run or the demo.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

import type { N8nEnv } from './env';

export interface StartN8nOptions {
	env: N8nEnv;
	/** N8N_USER_FOLDER (n8n keeps its SQLite database and settings under <folder>/.n8n). */
	userFolder: string;
	/** n8n's stdout and stderr go here (appended). */
	logFile: string;
	/** How long to wait for /healthz/readiness (default 180 s; first start runs migrations, ~25 s). */
	readinessTimeoutMs?: number;
	/** Extra environment for n8n (overrides the defaults below). */
	extraEnv?: Record<string, string>;
	/** Tries with new ports when a port turns out to be taken (default 3). */
	attempts?: number;
	/**
	 * `start` (default) for main, or `worker` for a queue-mode worker (`n8n worker --concurrency=N`): its
	 * readiness is the worker's own health server (QUEUE_HEALTH_CHECK_PORT) on the port this picks.
	 */
	command?: 'start' | 'worker';
	/** Extra command-line arguments (e.g. `--concurrency=5` for a worker). */
	args?: string[];
}

export interface N8nProcess {
	baseUrl: string;
	port: number;
	pid: number;
	userFolder: string;
	logFile: string;
	/** Milliseconds from spawn to readiness. */
	startMs: number;
	/** Kills the process group (SIGTERM, then SIGKILL after `graceMs`); resolves when n8n has exited. */
	stop(graceMs?: number): Promise<void>;
	readonly exited: boolean;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
		});
	});
}

/** The last `lines` lines of a log file (for error messages). */
export function logTail(file: string, lines = 60): string {
	if (!existsSync(file)) return '(no log file)';
	const text = readFileSync(file, 'utf8');
	return text.split('\n').slice(-lines).join('\n');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Process groups this process has started and not yet stopped (killed on exit / signals). */
const liveGroups = new Set<number>();
let handlersInstalled = false;
let signalExitCode: number | undefined;

/**
 * Exit code used after Ctrl+C / SIGTERM once n8n is stopped (default 130 / 143). The demo sets 0:
 * Ctrl+C is how a user ends it.
 */
export function setSignalExitCode(code: number | undefined): void {
	signalExitCode = code;
}

/** Synchronous clean-ups (temp folders) run after the groups are gone when a signal ends the process. */
const signalCleanups = new Set<() => void>();
export function onSignalCleanup(fn: () => void): () => void {
	signalCleanups.add(fn);
	return () => signalCleanups.delete(fn);
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

function installExitHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.on('exit', () => {
		for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
	});
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => {
			const groups = [...liveGroups];
			if (groups.length) process.stderr.write(`\n${signal}: stopping n8n (process group ${groups.join(', ')})\n`);
			for (const pid of groups) killGroup(pid, 'SIGTERM');
			// Give n8n up to 10 s to close its database, then make sure the group is gone.
			const deadline = Date.now() + 10_000;
			const timer = setInterval(() => {
				if (groups.some(groupAlive) && Date.now() < deadline) return;
				clearInterval(timer);
				for (const pid of groups) killGroup(pid, 'SIGKILL');
				for (const fn of signalCleanups) {
					try {
						fn();
					} catch {
						// best effort
					}
				}
				process.exit(signalExitCode ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 129));
			}, 200);
		});
	}
}

/**
 * Kills n8n instances that earlier runs of this harness started and could not stop (the runner was
 * SIGKILLed): each run folder records `n8n.json` {pid, userFolder, ownerPid}; a recorded process
 * group is killed only if the run that started it is gone (ownerPid not alive: a parallel run in the
 * same tree is left alone) and its leader is still an n8n with that same N8N_USER_FOLDER.
 */
export function reapStale(runDirs: string[]): number {
	let reaped = 0;
	for (const dir of runDirs) {
		const file = join(dir, 'n8n.json');
		if (!existsSync(file)) continue;
		try {
			const { pid, userFolder, ownerPid } = JSON.parse(readFileSync(file, 'utf8')) as {
				pid: number;
				userFolder: string;
				ownerPid: number;
			};
			if (ownerPid === process.pid || processAlive(ownerPid)) continue;
			const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
			if (environ.includes(`N8N_USER_FOLDER=${userFolder}`)) {
				killGroup(pid, 'SIGKILL');
				reaped++;
			}
		} catch {
			// not running (or not ours)
		}
	}
	return reaped;
}

function baseEnv(options: StartN8nOptions, port: number, brokerPort: number): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PATH: `${options.env.nodeBin}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: options.userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		// Task runner broker: its default port 5679 would clash between two instances on one machine.
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		N8N_LOG_OUTPUT: 'console',
		N8N_LOG_LEVEL: 'info',
		// Community packages are installed by hand into .n8n/nodes; never reach for npm at runtime.
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		DB_TYPE: 'sqlite',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		...options.extraEnv,
	};
	// The parent's Node options (tsx loader of the test runner) must not leak into Node 24's n8n.
	delete env.NODE_OPTIONS;
	delete env.NODE_TEST_CONTEXT;
	delete env.N8N_CUSTOM_EXTENSIONS;
	return env;
}

async function startOnce(options: StartN8nOptions): Promise<N8nProcess | 'port-taken'> {
	const port = await freePort();
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	const fd = openSync(options.logFile, 'a');
	const started = Date.now();
	const command = options.command ?? 'start';
	const env = baseEnv(options, port, brokerPort);
	if (command === 'worker') {
		// A worker answers /healthz/readiness on its own health server; main's port stays main's.
		env.QUEUE_HEALTH_CHECK_ACTIVE = 'true';
		env.QUEUE_HEALTH_CHECK_PORT = String(port);
		env.N8N_WORKER_SERVER_ADDRESS = '127.0.0.1';
		delete env.N8N_PORT;
	}
	const child = spawn(options.env.node, [options.env.n8nMain, command, ...(options.args ?? [])], {
		cwd: options.userFolder,
		env,
		detached: true, // own process group: stop() kills n8n and its task runners together
		stdio: ['ignore', fd, fd],
	});
	closeSync(fd);
	const pid = child.pid;
	if (pid === undefined) throw new Error(`could not spawn n8n (${options.env.n8nMain})`);
	liveGroups.add(pid);
	installExitHandlers();
	if (command === 'start') {
		writeFileSync(join(dirname(options.logFile), 'n8n.json'), JSON.stringify({ pid, userFolder: options.userFolder, ownerPid: process.pid }));
	}

	let exited = false;
	let exitInfo = '';
	const exitPromise = new Promise<void>((resolve) =>
		child.on('exit', (code, signal) => {
			exited = true;
			exitInfo = `code ${code}, signal ${signal}`;
			resolve();
		}),
	);
	child.unref();

	const baseUrl = `http://127.0.0.1:${port}`;
	const stop = async (graceMs = 15_000) => {
		if (!exited) {
			killGroup(pid, 'SIGTERM');
			await Promise.race([exitPromise, sleep(graceMs)]);
		}
		// The group may hold children (task runners) even when the leader is gone.
		killGroup(pid, 'SIGKILL');
		if (!exited) await Promise.race([exitPromise, sleep(2000)]);
		liveGroups.delete(pid);
	};

	const deadline = started + (options.readinessTimeoutMs ?? 180_000);
	while (Date.now() < deadline) {
		if (exited) {
			liveGroups.delete(pid);
			const tail = logTail(options.logFile);
			if (/EADDRINUSE|address already in use/i.test(tail)) return 'port-taken';
			throw new Error(`n8n exited before it was ready (${exitInfo}); log ${options.logFile}, last lines:\n${tail}`);
		}
		try {
			const res = await fetch(`${baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	if (Date.now() >= deadline) {
		await stop(5000);
		throw new Error(
			`n8n was not ready within ${Math.round((options.readinessTimeoutMs ?? 180_000) / 1000)} s; ` +
				`log ${options.logFile}, last lines:\n${logTail(options.logFile)}`,
		);
	}
	return {
		baseUrl,
		port,
		pid,
		userFolder: options.userFolder,
		logFile: options.logFile,
		startMs: Date.now() - started,
		stop,
		get exited() {
			return exited;
		},
	};
}

/** Starts `n8n start` and resolves once GET /healthz/readiness answers 200. */
export async function startN8n(options: StartN8nOptions): Promise<N8nProcess> {
	const attempts = options.attempts ?? 3;
	for (let i = 1; i <= attempts; i++) {
		const r = await startOnce(options);
		if (r !== 'port-taken') return r;
	}
	throw new Error(`n8n could not bind a free port in ${attempts} attempts; log ${options.logFile}`);
}
