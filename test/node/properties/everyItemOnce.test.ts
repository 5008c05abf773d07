/**
 * Property tests (issue 9): for any JSON input, every node of this package, run through n8n's own
 * WorkflowExecute with "continue (using error output)", puts every input item out exactly once (on
 * some output) with pairedItem pointing at it; successful items carry a result that validates against
 * the node's published schema; failed items carry an error; and nothing throws past the node's error
 * handling.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';

import { inquirySchema } from '../../../core/classify/schema';
import { contactResultSchema } from '../../../core/dedupe/schema';
import { escalationSchema } from '../../../core/escalate/schema';
import { assignmentSchema } from '../../../core/route/schema';
import { segmentResultSchema } from '../../../core/segment/schema';
import { ClassifyInquiry } from '../../../nodes/ClassifyInquiry/ClassifyInquiry.node.js';
import { DedupeContact } from '../../../nodes/DedupeContact/DedupeContact.node.js';
import { EscalateToHuman } from '../../../nodes/EscalateToHuman/EscalateToHuman.node.js';
import { RouteToManager } from '../../../nodes/RouteToManager/RouteToManager.node.js';
import { ScoreAbcSegment } from '../../../nodes/ScoreAbcSegment/ScoreAbcSegment.node.js';
import { runNode } from '../../helpers/workflowHarness';

interface Case {
	name: string;
	type: string;
	node: () => INodeType;
	parameters: INodeParameters;
	key: string;
	schema: ZodTypeAny;
	/** Arbitrary for one item: well-formed values mixed with arbitrary JSON in the fields the node reads. */
	item: fc.Arbitrary<Record<string, unknown>>;
}

const anyJson = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<unknown>;
const text = fc.oneof(
	fc.string({ maxLength: 80 }),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.constantFrom(
		'Хочу купить 10 лицензий, тендер по 44-ФЗ, звоните +7 912 345-67-89',
		'my item is the wrong one!!!',
		'ОПЕРАТОР ОПЕРАТОР ОПЕРАТОР',
		'<p>hello</p>',
		'😀😀😀',
		'Ivan Petrov ivan.petrov@gmail.com',
	),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: anyJson });

const roster = [
	{ managerId: 'anna', name: 'Anna', skills: 'lead, complaint', languages: 'ru,en', segments: 'A,B,C', seniority: 'senior', capacity: 3, activeLeads: 0, workingHours: 'Mon-Sun 00:00-24:00', timeZone: 'UTC' },
	{ managerId: 'boris', name: 'Boris', skills: 'question', languages: 'ru', segments: 'B,C', seniority: 1, capacity: 2, activeLeads: 1, workingHours: 'Mon-Fri 09:00-18:00', timeZone: 'Europe/Moscow' },
];

const cases: Case[] = [
	{
		name: 'Classify Inquiry',
		type: 'n8n-nodes-inquiry-router.classifyInquiry',
		node: () => new ClassifyInquiry(),
		parameters: { mode: 'local' },
		key: 'inquiry',
		schema: inquirySchema,
		item: fc.record({ text: maybe(text) }, { requiredKeys: [] }),
	},
	{
		name: 'Dedupe Contact (deduplicate a list)',
		type: 'n8n-nodes-inquiry-router.dedupeContact',
		node: () => new DedupeContact(),
		parameters: { operation: 'deduplicate' },
		key: 'contact',
		schema: contactResultSchema,
		item: fc.record(
			{
				name: maybe(fc.constantFrom('Иван Петров', 'Petrov Ivan', 'Смирнова О.', '', 'Ivan')),
				phone: maybe(fc.constantFrom('8 912 345-67-89', '+7 (912) 345-67-89', 'abc', '', '79123456789')),
				email: maybe(fc.constantFrom('Ivan.Petrov@gmail.com', 'ivanpetrov@gmail.com', 'x@', '')),
				company: maybe(fc.constantFrom('ООО «Ромашка»', 'Romashka LLC', '')),
			},
			{ requiredKeys: [] },
		),
	},
	{
		name: 'Score ABC Segment (Pareto)',
		type: 'n8n-nodes-inquiry-router.scoreAbcSegment',
		node: () => new ScoreAbcSegment(),
		parameters: { mode: 'pareto', valueField: 'revenue' },
		key: 'segment',
		schema: segmentResultSchema,
		item: fc.record(
			{ revenue: maybe(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom('1000', '', 'n/a'))) },
			{ requiredKeys: [] },
		),
	},
	{
		name: 'Route to Manager',
		type: 'n8n-nodes-inquiry-router.routeToManager',
		node: () => new RouteToManager(),
		parameters: { rosterSource: 'json', rosterJson: JSON.stringify(roster), now: '2026-11-23T10:00:00Z' },
		key: 'assignment',
		schema: assignmentSchema,
		item: fc.record(
			{
				inquiry: maybe(
					fc.record({
						type: maybe(fc.constantFrom('lead', 'complaint', 'question', 'spam')),
						priority: maybe(fc.constantFrom('high', 'normal', 'low', 'urgent')),
						language: maybe(fc.constantFrom('ru', 'en', 'de')),
					}),
				),
				segment: maybe(fc.record({ segment: maybe(fc.constantFrom('A', 'B', 'C')) })),
			},
			{ requiredKeys: [] },
		),
	},
	{
		name: 'Escalate to Human (conversation)',
		type: 'n8n-nodes-inquiry-router.escalateToHuman',
		node: () => new EscalateToHuman(),
		parameters: { inputMode: 'conversation', conversationField: 'conversation' },
		key: 'escalation',
		schema: escalationSchema,
		item: fc.record(
			{
				conversation: maybe(
					fc.array(fc.record({ role: maybe(fc.constantFrom('user', 'bot', 'assistant', 'agent')), text: maybe(text) }), { maxLength: 6 }),
				),
				inquiry: maybe(fc.record({ type: maybe(fc.constantFrom('complaint', 'lead')), confidence: maybe(fc.double({ min: 0, max: 1, noNaN: true })) })),
			},
			{ requiredKeys: [] },
		),
	},
];

describe('every node puts every item out exactly once, schema-valid or as an error (fast-check)', () => {
	for (const c of cases) {
		it(c.name, async () => {
			await fc.assert(
				fc.asyncProperty(fc.array(c.item, { minLength: 1, maxLength: 12 }), async (items) => {
					const res = await runNode({
						type: c.type,
						nodeType: c.node(),
						parameters: c.parameters,
						inputs: [items as IDataObject[]],
						onError: 'continueErrorOutput',
					});
					assert.equal(res.error, undefined, `node stopped: ${res.error?.message}`);
					const errorOutput = res.outputs.length - 1;
					const seen = new Map<number, number>();
					res.outputs.forEach((out, o) => {
						for (const item of out) {
							const paired = item.pairedItem as { item: number };
							assert.equal(typeof paired?.item, 'number', 'pairedItem missing');
							seen.set(paired.item, (seen.get(paired.item) ?? 0) + 1);
							if (o === errorOutput && item.json.error !== undefined && item.json[c.key] === undefined) continue;
							const parsed = c.schema.safeParse(item.json[c.key]);
							assert.ok(parsed.success, `output ${o}: ${JSON.stringify(parsed.error?.issues?.slice(0, 2))}`);
						}
					});
					assert.equal(seen.size, items.length, 'an item is missing');
					for (const [index, count] of seen) {
						assert.ok(index >= 0 && index < items.length, `pairedItem ${index} out of range`);
						assert.equal(count, 1, `item ${index} came out ${count} times`);
					}
				}),
				{ numRuns: 40, seed: 20261123 },
			);
		});
	}
});
