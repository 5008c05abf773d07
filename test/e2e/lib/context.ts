/**
 * One real n8n for a whole run: provision (scripts/n8n-env.sh), pack the built package, install it
 * into a fresh user folder, start n8n, create the owner and an API key. The result is the context
 * every suite receives.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8nApi, newOwner, type HttpResult, type Owner, type WebhookOptions, type WorkflowRecord } from './api';
import { ensureN8nEnv, type N8nEnv } from './env';
import { freePort, logTail, onSignalCleanup, reapStale, startN8n, type N8nProcess } from './n8n';
import { startPostgres, startRedis, type Service } from './services';
import { installPackage, packPackage, type PackResult } from './pack';
import { newRunDir, newTempDir, nodeType, PACKAGE_NAME, REPO_ROOT, runDirs } from './paths';
import { dataTablesOf, type WorkflowJson } from './workflows';

export interface E2EContext {
	/** http://127.0.0.1:<port> */
	baseUrl: string;
	/** Public API key (header X-N8N-API-KEY), every scope. */
	apiKey: string;
	/** Owner's session cookie (`n8n-auth=…`) for /rest and /types. */
	cookie: string;
	owner: Owner;
	/** Client with cookie and API key set. */
	api: N8nApi;
	n8n: N8nProcess;
	env: N8nEnv;
	pack: PackResult;
	/** test-artifacts/<kind>/<run>/ : n8n.log, timings.json, anything a suite wants to keep. */
	runDir: string;
	repoRoot: string;
	packageName: string;
	/** `n8n-nodes-inquiry-router.<name>` */
	nodeType: (name: string) => string;
	/**
	 * Imports a workflow (creating the Data tables its Data table nodes name), activates it and
	 * remembers it; returns the stored record.
	 */
	deploy: (workflow: WorkflowJson, options?: { activate?: boolean }) => Promise<WorkflowRecord>;
	/** Calls a production webhook (retrying 404 while it registers). */
	webhook: <T = unknown>(path: string, body?: unknown, options?: WebhookOptions) => Promise<HttpResult<T>>;
	/**
	 * For assertion messages: the last execution of a workflow, condensed (status, error, last node
	 * run), plus the tail of n8n's log.
	 */
	explain: (workflowId: string) => Promise<string>;
	timings: Record<string, number>;
	/** The database/queue environment this instance runs with (for `n8n import:workflow` and the like). */
	instanceEnv: Record<string, string>;
	/** `regular` or `queue` */
	mode: 'regular' | 'queue';
}

export interface StartE2EOptions {
	/** Artifacts folder kind under test-artifacts/ (default 'e2e'). */
	kind?: string;
	owner?: Owner;
	readinessTimeoutMs?: number;
	extraEnv?: Record<string, string>;
	/** Keep the user folder after stop (default: only when E2E_KEEP=1). */
	keepUserFolder?: boolean;
	/**
	 * `regular` (default): one `n8n start` on SQLite with n8n's defaults (parallel production executions).
	 * `queue`: PostgreSQL + Redis started for this run, `n8n start` with EXECUTIONS_MODE=queue and
	 * `workers` × `n8n worker --concurrency=<workerConcurrency>` sharing the user folder (the package is
	 * installed once there, as on a real deployment with a shared volume).
	 */
	mode?: 'regular' | 'queue';
	workers?: number;
	workerConcurrency?: number;
	/** N8N_CONCURRENCY_PRODUCTION_LIMIT for main (regular mode); unset = n8n's default (no limit). */
	productionLimit?: number;
}

function condense(execution: unknown): string {
	const e = execution as {
		id?: unknown;
		status?: unknown;
		data?: { resultData?: { error?: { message?: string; description?: string }; lastNodeExecuted?: string } };
	};
	const rd = e?.data?.resultData;
	return JSON.stringify({
		id: e?.id,
		status: e?.status,
		lastNodeExecuted: rd?.lastNodeExecuted,
		error: rd?.error ? { message: rd.error.message, description: rd.error.description } : undefined,
	});
}

export async function startE2E(options: StartE2EOptions = {}): Promise<E2EContext> {
	const timings: Record<string, number> = {};
	const t0 = Date.now();
	const kind = options.kind ?? 'e2e';
	// An earlier run that was SIGKILLed may have left its n8n behind: stop it (verified by user folder).
	reapStale(runDirs(kind));
	const runDir = newRunDir(kind);
	const mark = (key: string, since: number) => (timings[key] = Date.now() - since);

	let t = Date.now();
	const env = ensureN8nEnv();
	mark('provisionMs', t);

	t = Date.now();
	const scratch = newTempDir('inquiry-router-e2e');
	const pack = packPackage(join(scratch, 'pack'));
	const userFolder = join(scratch, 'user');
	installPackage(pack, userFolder);
	mark('packInstallMs', t);

	let n8n: N8nProcess;
	const modeEnv: Record<string, string> = {};
	const services: Service[] = [];
	const workers: N8nProcess[] = [];
	const stopServices = async () => {
		for (const w of workers.splice(0)) await w.stop();
		for (const s of services.splice(0).reverse()) await s.stop();
	};
	try {
		if (options.productionLimit !== undefined) modeEnv.N8N_CONCURRENCY_PRODUCTION_LIMIT = String(options.productionLimit);
		if (options.mode === 'queue') {
			t = Date.now();
			const pg = await startPostgres(runDir);
			services.push(pg);
			const redis = await startRedis(runDir);
			services.push(redis);
			mark('servicesStartMs', t);
			Object.assign(modeEnv, {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(pg.port),
				DB_POSTGRESDB_DATABASE: pg.database,
				DB_POSTGRESDB_USER: pg.user,
				DB_POSTGRESDB_PASSWORD: pg.password,
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				// main and every worker must decrypt the same credentials
				N8N_ENCRYPTION_KEY: `e2e-${process.pid}-${Date.now()}`,
			});
		}
		n8n = await startN8n({
			env,
			userFolder,
			logFile: join(runDir, 'n8n.log'),
			readinessTimeoutMs: options.readinessTimeoutMs,
			// No instance-wide limit unless a suite asks for one: the templates are safe with n8n's defaults.
			extraEnv: { ...modeEnv, ...options.extraEnv },
		});
		if (options.mode === 'queue') {
			t = Date.now();
			const mainEnv = { WEBHOOK_URL: `${n8n.baseUrl}/` };
			for (let i = 0; i < (options.workers ?? 2); i++) {
				workers.push(
					await startN8n({
						env,
						userFolder,
						command: 'worker',
						args: [`--concurrency=${options.workerConcurrency ?? 5}`],
						logFile: join(runDir, `worker-${i + 1}.log`),
						readinessTimeoutMs: options.readinessTimeoutMs,
						extraEnv: { ...modeEnv, ...mainEnv, ...options.extraEnv, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
					}),
				);
			}
			mark('workersStartMs', t);
		}
	} catch (error) {
		await stopServices();
		rmSync(scratch, { recursive: true, force: true });
		throw error;
	}
	timings.n8nStartMs = n8n.startMs;

	const keep = options.keepUserFolder ?? process.env.E2E_KEEP === '1';
	const removeScratch = () => {
		if (!keep) rmSync(scratch, { recursive: true, force: true });
	};
	const unregister = onSignalCleanup(removeScratch);
	const originalStop = n8n.stop;
	n8n.stop = async (graceMs?: number) => {
		for (const w of workers) await w.stop(graceMs);
		await originalStop(graceMs);
		await stopServices();
		unregister();
		removeScratch();
	};

	try {
		t = Date.now();
		const owner = options.owner ?? newOwner();
		const api = new N8nApi(n8n.baseUrl);
		await api.setupOwner(owner);
		await api.createApiKey('e2e');
		mark('ownerAndKeyMs', t);
		timings.setupTotalMs = Date.now() - t0;

		const deployed: string[] = [];
		const ctx: E2EContext = {
			baseUrl: n8n.baseUrl,
			apiKey: api.apiKey,
			cookie: api.cookie,
			owner,
			api,
			n8n,
			env,
			pack,
			runDir,
			repoRoot: REPO_ROOT,
			packageName: PACKAGE_NAME,
			nodeType,
			timings,
			instanceEnv: { DB_TYPE: 'sqlite', ...modeEnv },
			mode: options.mode ?? 'regular',
			async deploy(workflow, deployOptions) {
				for (const table of dataTablesOf(workflow)) await api.ensureDataTable(table.name, table.columns);
				const record = await api.importWorkflow(workflow, deployOptions);
				deployed.push(record.id);
				return record;
			},
			webhook: (path, body, webhookOptions) => api.webhook(path, body, webhookOptions),
			async explain(workflowId) {
				let last = '(no execution found)';
				try {
					const e = await api.lastExecution(workflowId);
					if (e) last = condense(e);
				} catch (error) {
					last = `(could not read executions: ${(error as Error).message})`;
				}
				return `last execution of ${workflowId}: ${last}\nn8n log (${n8n.logFile}), last lines:\n${logTail(n8n.logFile, 25)}`;
			},
		};
		return ctx;
	} catch (error) {
		await n8n.stop();
		throw new Error(`${(error as Error).message}\nn8n log (${n8n.logFile}), last lines:\n${logTail(n8n.logFile)}`);
	}
}

/** Stops n8n (process group) and writes timings.json into the run folder. */
export async function stopE2E(ctx: E2EContext | undefined): Promise<void> {
	if (!ctx) return;
	const t = Date.now();
	await ctx.n8n.stop();
	ctx.timings.n8nStopMs = Date.now() - t;
	writeFileSync(join(ctx.runDir, 'timings.json'), `${JSON.stringify(ctx.timings, null, 2)}\n`);
}

/**
 * A context object that suites can capture at registration time, before n8n is up: its fields
 * become readable once `fill()` ran (in the entry file's `before`). Reading one earlier throws.
 */
export function lateContext(): { ctx: E2EContext; fill: (real: E2EContext) => void; ready: () => boolean } {
	let real: E2EContext | undefined;
	const ctx = new Proxy({} as E2EContext, {
		get(_target, prop) {
			if (!real) {
				throw new Error(
					`e2e context field "${String(prop)}" read before n8n started: use ctx inside before/it callbacks, not at register time`,
				);
			}
			return real[prop as keyof E2EContext];
		},
	});
	return { ctx, fill: (r) => (real = r), ready: () => real !== undefined };
}
