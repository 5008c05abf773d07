import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { InputError } from '../../../core/shared/errors';
import { DEFAULT_LEAD_FIELDS, readLead, readNow } from '../../../core/route';
import { configFromOptions } from '../../../nodes/RouteToManager/helpers';

const NOW = Date.parse('2026-11-23T10:00:00Z');

describe('reading a lead', () => {
	it('reads Classify Inquiry / Score segment / contact fields by default', () => {
		const l = readLead({ inquiry: { type: 'Complaint', priority: 'HIGH', language: 'ru-RU' }, segment: { segment: 'a' }, contact: { ownerId: 42 } }, DEFAULT_LEAD_FIELDS, NOW);
		assert.deepEqual(l, { skills: ['complaint'], language: 'ru', segment: 'A', priority: 'high', unknownPriority: null, ownerId: '42', nowMs: NOW });
	});

	it('several skills fields; lists, comma text and { type } objects; deduplicated', () => {
		const l = readLead(
			{ inquiry: { type: 'lead', types: [{ type: 'lead', confidence: 0.9 }, { type: 'question', confidence: 0.6 }] }, tags: 'Oil and Gas, IT' },
			{ ...DEFAULT_LEAD_FIELDS, skillsField: 'inquiry.type, inquiry.types, tags' },
			NOW,
		);
		assert.deepEqual(l.skills, ['lead', 'question', 'oil and gas', 'it']);
	});

	it('missing fields mean no requirement; unknown priority is normal and remembered', () => {
		const l = readLead({ inquiry: { priority: 'whenever' } }, DEFAULT_LEAD_FIELDS, NOW);
		assert.deepEqual([l.skills, l.language, l.segment, l.ownerId, l.priority, l.unknownPriority], [[], null, null, null, 'normal', 'whenever']);
		assert.equal(readLead({ inquiry: { priority: 'Срочно' } }, DEFAULT_LEAD_FIELDS, NOW).priority, 'urgent');
	});

	it('a field of the wrong kind is an InputError naming it', () => {
		assert.throws(
			() => readLead({ segment: { segment: { letter: 'A' } } }, DEFAULT_LEAD_FIELDS, NOW),
			(e: unknown) => e instanceof InputError && e.field === 'segment.segment' && /must be text/.test(e.message),
		);
	});

	it('"now" from ISO text, epoch ms, Date or a DateTime-like; anything else names the field', () => {
		assert.equal(readNow('2026-11-23T13:00:00+03:00'), NOW);
		assert.equal(readNow(NOW), NOW);
		assert.equal(readNow(String(NOW)), NOW);
		assert.equal(readNow(new Date(NOW)), NOW);
		assert.equal(readNow({ toMillis: () => NOW }), NOW);
		assert.throws(() => readNow('yesterday'), (e: unknown) => e instanceof InputError && e.field === 'now');
		assert.throws(() => readNow(''), /must be a date-time/);
	});
});

describe('node options → core config', () => {
	it('defaults, lists and response times', () => {
		const c = configFromOptions({}, { fallbackOwnerId: ' ', fallbackQueue: 'q' });
		assert.equal(c.ownerFirst, true);
		assert.equal(c.fallbackOwnerId, null);
		assert.equal(c.fallbackQueue, 'q');
		assert.deepEqual(c.slaMinutes, { urgent: 5, high: 15, normal: 60, low: 240 });
		const d = configFromOptions({ ownerFirst: false, seniorSegments: 'a, b', highPriorities: 'Urgent', slaHighMinutes: 2, maxCandidates: 0 }, { fallbackQueue: '' });
		assert.equal(d.ownerFirst, false);
		assert.deepEqual(d.seniorSegments, ['A', 'B']);
		assert.deepEqual(d.highPriorities, ['urgent']);
		assert.equal(d.slaMinutes.high, 2);
		assert.equal(d.maxCandidates, 0);
		assert.equal(d.fallbackQueue, null);
	});
});
