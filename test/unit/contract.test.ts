import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import type { z } from 'zod';

import { extractedSchema, inquirySchema } from '../../core/classify/schema';
import { KEYS, normPriority, PATHS, PRIORITIES, readUpstream, inquiryInSchema, storedFacts } from '../../core/contract';
import { CONTRACT_FIELD_MAPPING } from '../../core/dedupe/fields';
import { matchResultSchema } from '../../core/dedupe/schema';
import { readInput, readParams } from '../../core/escalate/config';
import { evaluateTriggers } from '../../core/escalate/escalate';
import { withDefaults } from '../../core/escalate/options';
import { configFromOptions, DEFAULT_LEAD_FIELDS, leadFieldsFrom } from '../../core/route';
import { assignmentSchema } from '../../core/route/schema';
import { compileRules, segmentLead } from '../../core/segment/scoring';
import { segmentResultSchema } from '../../core/segment/schema';
import { InputError } from '../../core/shared/errors';
import { properties as routeProperties } from '../../nodes/RouteToManager/description';

/** The top-level keys of a (possibly refined) zod object schema. */
function keysOf(schema: z.ZodTypeAny): string[] {
	let s: z.ZodTypeAny = schema;
	while ('innerType' in s._def || 'schema' in s._def) s = (s._def.innerType ?? s._def.schema) as z.ZodTypeAny;
	return Object.keys((s as z.AnyZodObject).shape);
}

const WRITERS: Record<string, z.ZodTypeAny> = {
	[KEYS.inquiry]: inquirySchema,
	[KEYS.contact]: matchResultSchema,
	[KEYS.segment]: segmentResultSchema,
	[KEYS.assignment]: assignmentSchema,
};

describe('core/contract', () => {
	it('every default path names a field its upstream node writes (a field written by no node is not a default)', () => {
		for (const [name, path] of Object.entries(PATHS)) {
			const [key, field] = path.split('.');
			assert.ok(WRITERS[key], `${name}: no node writes "${key}"`);
			assert.ok(keysOf(WRITERS[key]).includes(field), `${name}: "${path}" is not in the ${key} schema`);
		}
		// Route reads its lead through exactly these paths
		assert.deepEqual(DEFAULT_LEAD_FIELDS, {
			skillsField: PATHS.inquiryType,
			languageField: PATHS.language,
			segmentField: PATHS.segment,
			priorityField: PATHS.priority,
			ownerField: PATHS.ownerId,
		});
		// ...and so do the node's parameter defaults (literals: n8n's lint wants them written out)
		const shown = Object.fromEntries(routeProperties.map((p) => [p.name, p.default]));
		for (const [field, path] of Object.entries(DEFAULT_LEAD_FIELDS)) assert.equal(shown[field], path, field);
	});

	it('one priority vocabulary: Classify writes a subset of it, aliases map onto it', () => {
		for (const p of ['high', 'normal', 'low']) assert.ok(PRIORITIES.includes(p as never));
		assert.deepEqual(normPriority('Срочно'), { priority: 'urgent', unknown: null });
		assert.deepEqual(normPriority('medium'), { priority: 'normal', unknown: null });
		assert.deepEqual(normPriority('whenever'), { priority: 'normal', unknown: 'whenever' });
	});

	it('readUpstream names the field of a wrong type; storedFacts reads the stored row', () => {
		assert.equal(readUpstream({}, 'inquiry', inquiryInSchema), undefined);
		assert.throws(
			() => readUpstream({ inquiry: { type: 'lead', sentiment: -0.7 } }, 'inquiry', inquiryInSchema),
			(e: unknown) => e instanceof InputError && e.field === 'inquiry.sentiment',
		);
		assert.deepEqual(storedFacts({ owner_id: 42, abcSegment: 'a' }), { ownerId: '42', segment: 'A' });
		assert.deepEqual(storedFacts({ segment: 'Z' }), { ownerId: null, segment: null });
	});
});

describe('Segment: a known client keeps the stored segment', () => {
	const rules = compileRules([{ field: 'inquiry.type', operator: 'equals', value: 'lead', points: 70 }]);
	it('contact.segment wins over scoring when it holds A, B or C; otherwise the lead is scored', () => {
		const cfg = { scoreA: 60, scoreB: 30, storedSegmentField: PATHS.storedSegment };
		const known = segmentLead({ inquiry: { type: 'lead' }, contact: { segment: 'C' } }, rules, cfg);
		assert.equal(known.segment, 'C');
		assert.equal(known.reasons[0].code, 'stored_segment');
		assert.equal(segmentLead({ inquiry: { type: 'lead' }, contact: { segment: null } }, rules, cfg).segment, 'A');
		// without the field (node version 1) the stored segment is ignored
		assert.equal(segmentLead({ inquiry: { type: 'lead' }, contact: { segment: 'C' } }, rules, { scoreA: 60, scoreB: 30 }).segment, 'A');
	});
});

describe('Escalate reads Classify through the contract (version 1.1)', () => {
	const params = readParams({ inputMode: 'message', messageField: 'text' });
	it('type, not category; sentiment as the label Classify writes', () => {
		const v11 = readInput({ text: 'Добрый день', inquiry: { category: 'complaint', sentiment: 'negative' } }, params, 1.1);
		assert.equal(v11.inquiry?.type, undefined);
		assert.equal(v11.inquiry?.sentiment, 'negative');
		assert.equal(readInput({ text: 'Добрый день', inquiry: { category: 'complaint' } }, params, 1).inquiry?.type, 'complaint');
	});

	it("Classify's wantsHuman and angry on the same message stand instead of detecting them again", () => {
		const o = withDefaults();
		const text = 'Позовите оператора!!! Это УЖАСНО, верните деньги';
		const asClassified = readInput({ text, inquiry: { type: 'lead', wantsHuman: false, angry: false } }, params, 1.1);
		const fired = evaluateTriggers(asClassified, o).fired.map((f) => f.id);
		assert.deepEqual(fired.filter((id) => id === 'human_request' || id === 'anger'), []);
		// version 1 detects again from the text
		const v1 = evaluateTriggers(readInput({ text, inquiry: { type: 'lead', wantsHuman: false, angry: false } }, params, 1), o).fired.map((f) => f.id);
		assert.ok(v1.includes('human_request'), v1.join());
		const wants = readInput({ text: 'Добрый день', inquiry: { type: 'lead', wantsHuman: true } }, params, 1.1);
		assert.ok(evaluateTriggers(wants, o).fired.some((f) => f.id === 'human_request'));
	});

	it('one checked config: a wrong parameter type names the parameter', () => {
		assert.throws(() => readParams({ inputMode: 'fax' }), (e: unknown) => e instanceof InputError && e.field === 'inputMode');
	});
});

describe('Route: one checked config shared by node and CLI', () => {
	it('a wrong option type names the option; lead fields default to the contract paths', () => {
		assert.throws(() => configFromOptions({ slaHighMinutes: 'soon' }), (e: unknown) => e instanceof InputError && e.field === 'options.slaHighMinutes');
		assert.equal(configFromOptions({ slaHighMinutes: 3 }).slaMinutes.high, 3);
		assert.deepEqual(leadFieldsFrom({ ownerField: ' owner.id ' }), { ...DEFAULT_LEAD_FIELDS, ownerField: 'owner.id' });
	});
});

describe('Dedupe 1.1 reads what Classify extracted', () => {
	it('every inquiry.extracted path in the contact mapping is a field of Classify\'s extracted schema', () => {
		const fields = Object.values(CONTRACT_FIELD_MAPPING)
			.flatMap((v) => v.split(','))
			.filter((p) => p.startsWith(`${PATHS.extracted}.`))
			.map((p) => p.slice(PATHS.extracted.length + 1));
		assert.deepEqual(fields.sort(), ['company', 'emails', 'inn', 'name', 'phones']);
		for (const f of fields) assert.ok(Object.keys(extractedSchema.shape).includes(f), f);
	});
});

/** Source files under a folder (TypeScript only). */
function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
	);
}

describe('one config per capability (issue 20 item 5)', () => {
	it('cli/ imports nothing from nodes/ (node and CLI share the configs in core)', () => {
		const offenders = sources('cli').filter((f) => /from '(\.\.\/)+nodes\//.test(readFileSync(f, 'utf8')));
		assert.deepEqual(offenders, []);
	});

	it('only core/llm/credential.ts builds an LLM client; only nodes/shared/itemLoop.ts maps errors', () => {
		const builders = [...sources('nodes'), ...sources('core')].filter(
			(f) => /createLlmClient\(/.test(readFileSync(f, 'utf8')) && !f.endsWith(join('llm', 'client.ts')),
		);
		assert.deepEqual(builders, [join('core', 'llm', 'credential.ts')]);
		const mappers = sources('nodes').filter((f) => /isInputError\(/.test(readFileSync(f, 'utf8')));
		assert.deepEqual(mappers, [join('nodes', 'shared', 'itemLoop.ts')]);
	});
});
