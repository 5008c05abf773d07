/**
 * Per-node overhead per item inside n8n: each of our nodes runs over 10,000 items through n8n-core's
 * WorkflowExecute (the same engine a real instance uses), against n8n's built-in Set node (v3.4, one
 * field assigned) on the same items in the same process. Figures are n8n's own executionTime for the
 * node, median of several runs, divided by the item count.
 *   node --import tsx bench/node-overhead.bench.ts [--items 10000] [--runs 5]
 * The Set node is loaded from the cached n8n 2.41.1 install (scripts/n8n-env.sh).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { ClassifyInquiry } from '../nodes/ClassifyInquiry/ClassifyInquiry.node.js';
import { DedupeContact } from '../nodes/DedupeContact/DedupeContact.node.js';
import { EscalateToHuman } from '../nodes/EscalateToHuman/EscalateToHuman.node.js';
import { RouteToManager } from '../nodes/RouteToManager/RouteToManager.node.js';
import { ScoreAbcSegment } from '../nodes/ScoreAbcSegment/ScoreAbcSegment.node.js';
import { runNode } from '../test/helpers/workflowHarness';
import { emit, flagNumber as arg, median, type BenchRow } from './lib';

const N = arg('items', 10_000);
const RUNS = arg('runs', 5);

const cache = process.env.INQUIRY_ROUTER_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-inquiry-router');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Set: SetNode } = require(join(cache, 'n8n-2.41.1/node_modules/n8n-nodes-base/dist/nodes/Set/Set.node.js'));

const texts = [
	'Здравствуйте! Хотим закупить 50 ноутбуков, у нас тендер по 44-ФЗ. Иван Петров, +7 912 345-67-89',
	'My order #A-1234 arrived broken, this is the second time. I want a refund!',
	'Как поменять пароль в личном кабинете?',
	'Hi, could you send a price list for the enterprise plan? anna@example.com',
	'ОПЕРАТОР! Позовите живого человека',
];
const firstNames = ['Иван', 'Ivan', 'Анна', 'Anna', 'Пётр', 'Olga', 'Сергей', 'Maria'];
const lastNames = ['Петров', 'Petrov', 'Смирнова', 'Smirnova', 'Кузнецов', 'Ivanova'];

function items(kind: string): IDataObject[] {
	return Array.from({ length: N }, (_, i) => {
		const text = texts[i % texts.length];
		switch (kind) {
			case 'dedupe':
				return {
					id: `c${i}`,
					name: `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]}`,
					phone: `+7 912 ${String(100 + (i % 900)).padStart(3, '0')}-${String(i % 100).padStart(2, '0')}-${String((i * 13) % 100).padStart(2, '0')}`,
					email: `user${i % (N / 2)}@example.com`,
				};
			case 'segment':
				return { id: `c${i}`, revenue: Math.round(1_000_000 / (1 + (i % 997))) };
			case 'route':
				return { id: `l${i}`, inquiry: { type: i % 3 ? 'lead' : 'question', priority: i % 10 ? 'normal' : 'high', language: 'ru' }, segment: { segment: 'ABC'[i % 3] } };
			default:
				return { id: `m${i}`, text, message: text };
		}
	});
}

const roster = Array.from({ length: 50 }, (_, m) => ({
	managerId: `m${m}`,
	name: `Manager ${m}`,
	skills: m % 2 ? 'lead' : 'question',
	languages: 'ru,en',
	segments: m % 5 ? 'B,C' : 'A,B,C',
	seniority: m % 5,
	capacity: 1000,
	activeLeads: m,
	workingHours: 'Mon-Sun 00:00-24:00',
	timeZone: 'UTC',
}));

interface Subject {
	name: string;
	type: string;
	node: INodeType;
	parameters: INodeParameters;
	kind: string;
}

const subjects: Subject[] = [
	{ name: 'Classify Inquiry (cascade, offline)', type: 'x.classifyInquiry', node: new ClassifyInquiry(), parameters: {}, kind: 'text' },
	{ name: 'Dedupe Contact (match keys)', type: 'x.dedupeContact', node: new DedupeContact(), parameters: { operation: 'matchKeys' }, kind: 'dedupe' },
	{ name: 'Dedupe Contact (deduplicate list)', type: 'x.dedupeContact', node: new DedupeContact(), parameters: { operation: 'deduplicate' }, kind: 'dedupe' },
	{ name: 'Score ABC Segment (Pareto)', type: 'x.scoreAbcSegment', node: new ScoreAbcSegment(), parameters: { mode: 'pareto', valueField: 'revenue' }, kind: 'segment' },
	{ name: 'Route to Manager (50 managers)', type: 'x.routeToManager', node: new RouteToManager(), parameters: { rosterSource: 'json', rosterJson: JSON.stringify(roster), now: '2026-11-23T10:00:00Z' }, kind: 'route' },
	{ name: 'Escalate to Human (single message)', type: 'x.escalateToHuman', node: new EscalateToHuman(), parameters: { inputMode: 'message', messageField: 'message' }, kind: 'text' },
];

async function timeNode(type: string, node: INodeType, parameters: INodeParameters, input: IDataObject[], typeVersion = 1) {
	const times: number[] = [];
	for (let r = 0; r < RUNS + 1; r++) {
		const res = await runNode({ type, nodeType: node, parameters, inputs: [input], typeVersion });
		if (res.error) throw new Error(`${type}: ${res.error.message}`);
		const out = res.outputs.reduce((n, o) => n + o.length, 0);
		if (out !== input.length) throw new Error(`${type}: ${out} items out of ${input.length}`);
		if (r > 0) times.push(res.executionTime); // first run is warm-up
	}
	return median(times);
}

async function main() {
	const setParams = {
		mode: 'manual',
		includeOtherFields: true,
		assignments: { assignments: [{ id: 'a', name: 'checked', value: 'yes', type: 'string' }] },
	};
	const rows: BenchRow[] = [];
	for (const s of subjects) {
		const input = items(s.kind);
		const setMs = await timeNode('n8n-nodes-base.set', new SetNode(), setParams, input, 3.4);
		const ms = await timeNode(s.type, s.node, s.parameters, input);
		rows.push({
			name: `${s.name}, per item over ${N} items`,
			value: (ms * 1000) / N,
			unit: 'µs/item',
			baseline: 'n8n Set node (v3.4, one field)',
			baselineValue: (setMs * 1000) / N,
			ratio: ms / setMs,
		});
	}
	emit('node-overhead', rows);
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
