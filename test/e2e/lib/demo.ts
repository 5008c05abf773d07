/**
 * The demo behind scripts/demo.sh: a real n8n 2.41.1 with the packed package installed, the Data
 * tables and workflow templates imported, samples/inquiries.jsonl pushed through the inbound webhook
 * (offline: no credentials, no LLM), each decision printed in one line, then the editor URL and the
 * owner's sign-in. Keeps n8n running until Ctrl+C, or stops it at once with --no-wait / CI=true.
 *
 *   node --import tsx test/e2e/lib/demo.ts [--no-wait] [--samples FILE.jsonl]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { newOwner, type DataTableColumn } from './api';
import { startE2E, stopE2E, type E2EContext } from './context';
import { setSignalExitCode } from './n8n';
import { REPO_ROOT } from './paths';
import { loadFixture, loadWorkflow, webhooksOf, type WorkflowJson } from './workflows';

const args = process.argv.slice(2);
const noWait = args.includes('--no-wait') || process.env.CI === 'true' || process.env.CI === '1';
const samplesArg = args.indexOf('--samples');
const samplesFile = samplesArg >= 0 ? args[samplesArg + 1]! : join(REPO_ROOT, 'samples', 'inquiries.jsonl');
const INBOUND_TEMPLATE = 'inbound-inquiry-router.json';

const out = (line = '') => process.stdout.write(`${line}\n`);

interface TableSpec {
	name: string;
	columns: Array<{ name: string; type: string }>;
}

/**
 * Data tables and seed managers: the templates engineer's specs (test/e2e/templates/tables.ts and
 * state.ts, the same the template suite uses) when present; otherwise inferred from the templates.
 */
async function tableSpecs(): Promise<{ tables: TableSpec[]; managers: Array<Record<string, unknown>> }> {
	const dir = join(REPO_ROOT, 'test', 'e2e', 'templates');
	let tables: TableSpec[] = [];
	let managers: Array<Record<string, unknown>> = [];
	try {
		if (existsSync(join(dir, 'tables.ts'))) {
			const mod = (await import(pathToFileURL(join(dir, 'tables.ts')).href)) as { TABLES?: Record<string, TableSpec> };
			tables = Object.values(mod.TABLES ?? {});
		}
		if (existsSync(join(dir, 'state.ts'))) {
			const mod = (await import(pathToFileURL(join(dir, 'state.ts')).href)) as { MANAGERS?: Array<Record<string, unknown>> };
			managers = mod.MANAGERS ?? [];
		}
	} catch (error) {
		out(`  (template table specs not loaded: ${(error as Error).message}; inferring from the workflows)`);
	}
	return { tables, managers };
}

function columnType(t: string): DataTableColumn['type'] {
	return t === 'number' || t === 'boolean' || t === 'date' ? t : 'string';
}

function pick(obj: unknown, path: string): unknown {
	let cur = obj;
	for (const key of path.split('.')) {
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string, unknown>)[key];
	}
	return cur;
}

/** One compact line for a webhook answer, whatever shape the responding branch gives it. */
export function summarize(body: unknown): string {
	const first = Array.isArray(body) ? body[0] : body;
	if (first === undefined) return '(empty answer: the workflow ended before a Respond to Webhook node)';
	if (first === null || typeof first !== 'object') return String(JSON.stringify(body)).slice(0, 160);
	const fields: Array<[string, string[]]> = [
		['status', ['status']],
		['type', ['category', 'inquiry.type']],
		['priority', ['priority', 'inquiry.priority']],
		['segment', ['segment.segment', 'segment']],
		['contact', ['contactId', 'contact.clusterId']],
		['manager', ['managerId', 'assignment.managerId']],
		['escalate', ['escalate', 'escalation.escalate']],
		['degraded', ['inquiry.degraded']],
	];
	const parts: string[] = [];
	for (const [label, paths] of fields) {
		for (const p of paths) {
			const v = pick(first, p);
			if (v !== undefined && v !== null && v !== '' && typeof v !== 'object') {
				parts.push(`${label}=${String(v)}`);
				break;
			}
		}
	}
	const reasons = (pick(first, 'reasons') ?? pick(first, 'inquiry.reasons')) as Array<{ code?: string }> | undefined;
	if (Array.isArray(reasons) && reasons.length) {
		parts.push(`reasons=${reasons.map((r) => r?.code ?? '?').slice(0, 4).join(',')}`);
	}
	return parts.length ? parts.join('  ') : JSON.stringify(first).slice(0, 160);
}

function templates(): Array<{ file: string; workflow: WorkflowJson }> {
	const dir = join(REPO_ROOT, 'workflows');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: loadWorkflow(join(dir, file)) }));
}

const TRIGGER = /trigger$|\.webhook$|\.formTrigger$|\.scheduleTrigger$|\.chatTrigger$/i;

async function provision(ctx: E2EContext): Promise<{ inboundPath: string; inboundName: string }> {
	const { tables, managers } = await tableSpecs();
	for (const t of tables) {
		await ctx.api.ensureDataTable(
			t.name,
			t.columns.map((c) => ({ name: c.name, type: columnType(c.type) })),
		);
	}
	if (tables.length) out(`  Data tables: ${tables.map((t) => t.name).join(', ')}`);
	const managerTable = tables.find((t) => t.name === 'inquiry_router_managers');
	if (managerTable && managers.length) {
		const rows = await ctx.api.dataTableRows(managerTable.name);
		if (rows.length === 0) {
			await ctx.api.insertRows(managerTable.name, managers);
			out(`  seeded ${managers.length} managers into ${managerTable.name}`);
		}
	}

	const all = templates();
	let inbound = all.find((t) => t.file === INBOUND_TEMPLATE)?.workflow;
	for (const { file, workflow } of all) {
		const hasTrigger = workflow.nodes.some((n) => TRIGGER.test(n.type) && !n.disabled);
		try {
			const record = await ctx.deploy(workflow, { activate: hasTrigger });
			out(`  workflow ${file}: ${record.active ? 'active' : 'imported'} (${ctx.baseUrl}/workflow/${record.id})`);
		} catch (error) {
			if (file === INBOUND_TEMPLATE) throw error;
			out(`  workflow ${file}: NOT imported/activated: ${(error as Error).message.split('\n')[0]}`);
		}
	}
	if (!inbound) {
		out(`  workflows/${INBOUND_TEMPLATE} not found: using the fixture test/e2e/fixtures/demo-inbound.json`);
		inbound = loadFixture('demo-inbound');
		await ctx.deploy(inbound);
	}
	const hooks = webhooksOf(inbound);
	const hook = hooks.find((h) => /inbound/.test(h.path)) ?? hooks[0];
	if (!hook) throw new Error(`${inbound.name} has no Webhook node to push samples through`);
	return { inboundPath: hook.path, inboundName: inbound.name };
}

async function main(): Promise<void> {
	out('Inquiry Router demo: real n8n 2.41.1 with the packed package, offline (no credentials, no LLM)');
	const t0 = Date.now();
	const ctx = await startE2E({ kind: 'demo', owner: newOwner('demo@inquiry-router.test') });
	out(`  n8n ${ctx.env.n8nVersion} ready in ${(ctx.timings.n8nStartMs! / 1000).toFixed(1)} s at ${ctx.baseUrl} (log ${ctx.n8n.logFile})`);
	let failed = 0;
	try {
		const { inboundPath, inboundName } = await provision(ctx);
		const lines = readFileSync(samplesFile, 'utf8')
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean);
		out('');
		out(`Pushing ${lines.length} sample inquiries through "${inboundName}" (POST /webhook/${inboundPath}):`);
		for (const [i, line] of lines.entries()) {
			const sample = JSON.parse(line) as Record<string, unknown>;
			const r = await ctx.webhook(inboundPath, sample);
			const id = String(sample.id ?? i + 1).padEnd(4);
			const channel = String(sample.channel ?? '').padEnd(6);
			const text = String(sample.text ?? '').replace(/\s+/g, ' ');
			const shortText = text.length > 48 ? `${text.slice(0, 47)}…` : text;
			if (r.status !== 200 || r.body === undefined) {
				failed++;
				const why = r.body === undefined && r.status === 200 ? summarize(undefined) : r.text.slice(0, 200);
				out(`  ${id} ${channel} HTTP ${r.status}: ${why}  | ${shortText}`);
			} else {
				out(`  ${id} ${channel} ${summarize(r.body)}  | ${shortText}`);
			}
		}
		out('');
		out(`Editor:   ${ctx.baseUrl}/signin`);
		out(`E-mail:   ${ctx.owner.email}`);
		out(`Password: ${ctx.owner.password}`);
		out(`(set up in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${failed} of ${lines.length} samples failed)`);
	} catch (error) {
		await stopE2E(ctx);
		throw error;
	}
	if (noWait) {
		await stopE2E(ctx);
		out('n8n stopped (--no-wait / CI).');
		process.exitCode = failed ? 1 : 0;
		return;
	}
	out('n8n keeps running: press Ctrl+C to stop it.');
	setSignalExitCode(0);
	// Stay alive until a signal; the harness stops n8n's process group on SIGINT/SIGTERM.
	setInterval(() => {
		if (ctx.n8n.exited) {
			out('n8n exited; see its log above.');
			process.exit(1);
		}
	}, 2000);
}

main().catch((error: unknown) => {
	process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
