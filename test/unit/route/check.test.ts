import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { makeData } from '../../../bench/route.bench';
import { Router, assignmentSchema, makeConfig } from '../../../core/route';
import { isAssignment } from '../../../core/route/check';

// Real assignments (assigned and unassigned) from a seeded synthetic roster.
const { managers, leads } = makeData(300, 40, 7);
const router = new Router(managers, makeConfig({ fallbackQueue: 'unassigned' }));
const real = leads.map((l) => router.route(l).assignment);
const plain = real.map((a) => JSON.parse(JSON.stringify(a)) as Record<string, unknown>);

const KEYS = [...Object.keys(assignmentSchema.innerType().shape), 'extra'];
// Values that are valid for some field and invalid for others, plus anything at all.
const valueArb = fc.oneof(
	fc.constantFrom(
		null,
		'',
		'm1',
		'assigned',
		'unassigned',
		'urgent',
		'normal',
		true,
		false,
		0,
		1,
		-1,
		0.5,
		2.5,
		Number.NaN,
		Number.POSITIVE_INFINITY,
		[],
		['it'],
		[1],
		{},
		'2026-11-23T10:00:00.000Z',
		'2026-11-23T10:00:00Z',
		[{ code: 'x' }],
		[{ code: '' }],
		[{ managerId: 'm1', name: 'A', outcome: 'absent' }],
		[{ managerId: 'm1', name: 'A', outcome: 'sleeping' }],
		{ at_capacity: 2 },
		{ at_capacity: 0 },
		{ unknown: 1 },
		{ skillMatch: 1, matchedSkills: [], seniority: 0, loadRatio: 0 },
		{ skillMatch: 2, matchedSkills: [], seniority: 0, loadRatio: 0 },
		{
			managerId: 'm1',
			activeLeads: 1,
			capacity: 2,
			ratio: 0.5,
			periodCount: 0,
		},
		{
			managerId: 'm1',
			activeLeads: 1.5,
			capacity: 2,
			ratio: 0.5,
			periodCount: 0,
		},
	),
	fc.anything(),
);
const nestedArb = fc.constantFrom('match', 'loadAfter', 'candidates', 'reasons', 'skippedCounts');

describe('isAssignment agrees with assignmentSchema', () => {
	it('on every real assignment, as built and after a JSON round trip', () => {
		for (const a of [...real, ...plain]) assert.equal(isAssignment(a), true);
		assert.ok(
			real.some((a) => a.status === 'unassigned') && real.some((a) => a.status === 'assigned'),
			'both kinds covered',
		);
	});

	it('rejects, like zod, an inherited enumerable key (found by fast-check: match.__proto__ = [{code: ""}])', () => {
		const x = JSON.parse(JSON.stringify(real.find((a) => a.status === 'assigned'))) as {
			match: object;
		};
		Object.setPrototypeOf(x.match, [{ code: '' }]);
		assert.equal(assignmentSchema.safeParse(x).success, false);
		assert.equal(isAssignment(x), false);
	});

	it('on real assignments with one top-level field replaced or removed', () => {
		let accepted = 0;
		fc.assert(
			fc.property(
				fc.nat(plain.length - 1),
				fc.constantFrom(...KEYS),
				fc.option(valueArb, { freq: 6 }),
				(k, key, value) => {
					const x: Record<string, unknown> = { ...plain[k] };
					if (value === null) delete x[key];
					else x[key] = value;
					const zod = assignmentSchema.safeParse(x).success;
					assert.equal(isAssignment(x), zod, `${key} = ${JSON.stringify(value)}`);
					if (zod) accepted++;
				},
			),
			{ numRuns: 4000 },
		);
		assert.ok(accepted > 100, `some mutated assignments are still valid (${accepted})`);
	});

	it('on real assignments with a field inside match, loadAfter, a candidate, a reason or skippedCounts replaced', () => {
		fc.assert(
			fc.property(
				fc.nat(plain.length - 1),
				nestedArb,
				fc.string({ maxLength: 12 }),
				valueArb,
				(k, where, field, value) => {
					const x = JSON.parse(JSON.stringify(plain[k])) as Record<string, unknown>;
					let target = x[where] as Record<string, unknown> | Array<Record<string, unknown>> | null;
					if (Array.isArray(target)) target = target[0] ?? null;
					if (target === null) return;
					const keys = Object.keys(target);
					const name =
						keys.length > 0 && field.length % 2 === 0 ? keys[field.length % keys.length] : field;
					target[name] = value;
					assert.equal(
						isAssignment(x),
						assignmentSchema.safeParse(x).success,
						`${where}.${name} = ${JSON.stringify(value)}`,
					);
				},
			),
			{ numRuns: 4000 },
		);
	});
});
