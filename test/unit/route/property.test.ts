import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { Router, assignmentSchema, makeConfig, parseRoster, type Lead } from '../../../core/route';
import { routeNaive } from '../../helpers/routeNaive';

const SKILLS = ['it', 'oil and gas', 'retail', 'banking'];
const ZONES = ['Europe/Moscow', 'Asia/Vladivostok', 'UTC', 'America/New_York'];

const managerRow = (i: number) =>
	fc.record({
		managerId: fc.constant(`m${i}`),
		skills: fc.subarray(SKILLS),
		languages: fc.subarray(['ru', 'en']),
		segments: fc.subarray(['A', 'B', 'C']),
		seniority: fc.integer({ min: 0, max: 3 }),
		capacity: fc.integer({ min: 0, max: 4 }),
		activeLeads: fc.integer({ min: 0, max: 3 }),
		active: fc.boolean(),
		workingHours: fc.constantFrom('', 'Mon-Fri 09:00-18:00', 'Daily 20:00-04:00', 'Sat-Sun 10:00-16:00'),
		timeZone: fc.constantFrom(...ZONES),
		absentUntil: fc.constantFrom('', '2026-11-21', '2026-11-25'),
		lastAssignedAt: fc.constantFrom('', '2026-11-20T10:00:00Z', '2026-11-22T10:00:00Z'),
		weight: fc.integer({ min: 1, max: 3 }),
		periodCount: fc.integer({ min: 0, max: 5 }),
	});

const rosterArb = fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => managerRow(i))));

const leadArb = (managers: number): fc.Arbitrary<Lead> =>
	fc.record({
		skills: fc.subarray(SKILLS, { maxLength: 2 }),
		language: fc.constantFrom(null, 'ru', 'en'),
		segment: fc.constantFrom(null, 'A', 'B', 'C'),
		priority: fc.constantFrom('urgent' as const, 'high' as const, 'normal' as const, 'low' as const),
		unknownPriority: fc.constant(null),
		ownerId: fc.option(fc.integer({ min: 0, max: Math.max(0, managers) }).map((i) => `m${i}`), { nil: null }),
		nowMs: fc.integer({ min: Date.parse('2026-11-19T00:00:00Z'), max: Date.parse('2026-11-26T00:00:00Z') }).map((ms) => ms - (ms % 60000)),
	});

const configArb = fc.record({
	ownerFirst: fc.boolean(),
	requireSkillMatch: fc.boolean(),
	afterHoursForHighPriority: fc.boolean(),
	weightedShares: fc.boolean(),
});

describe('router properties', () => {
	it('decides exactly like the naive reference, never overfills, and every result fits the schema', () => {
		fc.assert(
			fc.property(
				rosterArb.chain((rows) => fc.tuple(fc.constant(rows), fc.array(leadArb(rows.length), { maxLength: 12 }), configArb)),
				([rows, leads, cfg]) => {
					const managers = parseRoster(rows, { defaultTimeZone: 'UTC' });
					const config = makeConfig(cfg);
					const router = new Router(managers, config);
					const fast = leads.map((l) => router.route(l));
					const naive = routeNaive(managers, leads, config);
					assert.deepEqual(
						fast.map((r) => [r.assignment.status === 'assigned' ? r.assignment.managerId : null, r.assignment.cover]),
						naive.map((d) => [d.managerId, d.cover]),
					);
					const given = new Map<string, number>();
					for (const r of fast) {
						assignmentSchema.parse(r.assignment);
						assert.equal(r.output, r.assignment.status === 'assigned' ? 0 : 1);
						if (r.assignment.status === 'assigned') given.set(r.assignment.managerId!, (given.get(r.assignment.managerId!) ?? 0) + 1);
					}
					for (const m of managers) {
						assert.ok(m.activeLeads + (given.get(m.id) ?? 0) <= Math.max(m.capacity, m.activeLeads), `${m.id} overfilled`);
					}
				},
			),
			{ numRuns: 300, seed: 20261123 },
		);
	});
});
