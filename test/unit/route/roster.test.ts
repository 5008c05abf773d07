import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { InputError } from '../../../core/shared/errors';
import { parseRoster } from '../../../core/route';

const parse = (rows: unknown) => parseRoster(rows, { defaultTimeZone: 'Europe/Moscow' });

function throwsField(fn: () => unknown, field: string, message: RegExp) {
	assert.throws(fn, (e: unknown) => {
		assert.ok(e instanceof InputError, `expected InputError, got ${String(e)}`);
		assert.equal(e.field, field);
		assert.match(e.message, message);
		return true;
	});
}

describe('roster parsing', () => {
	it('reads Data table style rows: text lists, JSON text lists, numeric text, yes/no, managerId over the row id', () => {
		const [m] = parse([
			{ id: 17, managerId: 'ivanov', managerName: 'Ivan', skills: '["Oil and  Gas","IT"]', languages: 'ru; en-GB', segments: 'a, b', seniority: 'Senior', capacity: '12', activeLeads: '3', active: 'yes', weight: '2.5', periodCount: '4', createdAt: '2026-01-01' },
		]);
		assert.equal(m.id, 'ivanov');
		assert.equal(m.name, 'Ivan');
		assert.deepEqual(m.skills, ['oil and gas', 'it']);
		assert.deepEqual(m.languages, ['ru', 'en']);
		assert.deepEqual(m.segments, ['A', 'B']);
		assert.equal(m.seniority, 3);
		assert.equal(m.capacity, 12);
		assert.equal(m.activeLeads, 3);
		assert.equal(m.active, true);
		assert.equal(m.weight, 2.5);
		assert.equal(m.periodCount, 4);
		assert.equal(m.timeZone, 'Europe/Moscow');
		assert.equal(m.hours, null);
	});

	it('uses the row id when there is no managerId, and defaults name, load, active, weight', () => {
		const [m] = parse([{ id: 5, capacity: 3 }]);
		assert.equal(m.id, '5');
		assert.equal(m.name, '5');
		assert.equal(m.activeLeads, 0);
		assert.equal(m.active, true);
		assert.equal(m.weight, 1);
		assert.deepEqual(m.skills, []);
	});

	it('accepts the roster as JSON text and as { managers: [...] }', () => {
		assert.equal(parse('[{"managerId":"a","capacity":1}]')[0].id, 'a');
		assert.equal(parse({ managers: [{ managerId: 'b', capacity: 1 }] })[0].id, 'b');
		assert.deepEqual(parse([]), []);
		assert.deepEqual(parse(''), []);
	});

	it('a date-only absentUntil is the start of that day in the manager\'s zone', () => {
		const [m] = parse([{ managerId: 'a', capacity: 1, timeZone: 'Asia/Vladivostok', absentUntil: '2026-12-01' }]);
		assert.equal(m.absentUntilMs, Date.parse('2026-11-30T14:00:00Z'));
		const [n] = parse([{ managerId: 'a', capacity: 1, absentUntil: '2026-12-01T09:00:00Z' }]);
		assert.equal(n.absentUntilMs, Date.parse('2026-12-01T09:00:00Z'));
	});

	it('names the manager and the field for bad data', () => {
		throwsField(() => parse([{ managerId: 'a', capacity: 1 }, { name: 'Nobody', capacity: 1 }]), 'roster[1].managerId', /Roster row 2: field "managerId" \(or "id"\) is missing/);
		throwsField(() => parse([{ managerId: 'a', capacity: 'ten' }]), 'roster[0].capacity', /Roster row 1 \(manager "a"\): field "capacity" must be a number, got "ten"/);
		throwsField(() => parse([{ managerId: 'a' }]), 'roster[0].capacity', /manager "a"\): field "capacity" is missing/);
		throwsField(() => parse([{ managerId: 'a', capacity: 2.5 }]), 'roster[0].capacity', /whole number/);
		throwsField(() => parse([{ managerId: 'a', capacity: 2, activeLeads: -1 }]), 'roster[0].activeLeads', /whole number ≥ 0, got -1/);
		throwsField(() => parse([{ managerId: 'a', capacity: 1, timeZone: 'Mars/Olympus' }]), 'roster[0].timeZone', /unknown time zone "Mars\/Olympus"/);
		throwsField(() => parse([{ managerId: 'a', capacity: 1 }, { managerId: 'b', capacity: 1 }, { managerId: 'a', capacity: 1 }]), 'roster[2].managerId', /duplicate manager id "a" \(rows 1 and 3\)/);
		throwsField(() => parse([{ managerId: 'a', capacity: 1, workingHours: 'Mon-Fri 9-18' }]), 'roster[0].workingHours', /manager "a"\): field "workingHours" cannot read the time "9"/);
		throwsField(() => parse([{ managerId: 'a', capacity: 1, active: 'maybe' }]), 'roster[0].active', /must be true or false/);
		throwsField(() => parse([{ managerId: 'a', capacity: 1, weight: 0 }]), 'roster[0].weight', /greater than 0/);
		throwsField(() => parse([{ managerId: 'a', capacity: 1, absentUntil: 'next week' }]), 'roster[0].absentUntil', /ISO date/);
		throwsField(() => parse([{ managerId: 'a', capacity: 1, skills: '["IT"' }]), 'roster[0].skills', /not valid JSON/);
		throwsField(() => parse({ managerId: 'a' }), 'roster', /must be a list of managers/);
		throwsField(() => parseRoster([{ managerId: 'a', capacity: 'x' }], { defaultTimeZone: 'UTC', fieldPrefix: 'team.roster' }), 'team.roster[0].capacity', /capacity/);
	});
});
