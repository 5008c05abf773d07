import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { extractFields } from '../../../core/classify/extract';
import { createClassifier } from '../../../core/classify/index';
import { DEFAULT_FIELD_MAPPING } from '../../../core/dedupe/fields';
import { parseContact } from '../../../core/dedupe/record';
import { decideEscalation } from '../../../core/escalate/escalate';
import { withDefaults } from '../../../core/escalate/options';
import { redactPii } from '../../../core/text/redact';

/**
 * Guard against catastrophic backtracking (issue 19): every text path on 1 MB of hostile text. The
 * bound (10 s per path and text) is so generous that machine noise cannot fail it; before the fix
 * these took minutes (100 KB of "a" through classify ~15 s, 30 KB of "a@" through Escalate 16 s).
 * Not a speed measurement: that is bench/adversarial.bench.ts.
 */
const SIZE = 1_000_000;
const BOUND_MS = 10_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const TEXTS: Record<string, string> = {
	letter: fill('a'),
	'a@': fill('a@'),
	'-.': fill('-.'),
	spaces: `заказ${fill(' ')}x`,
	cyrillic: `заказ${fill('а')}`,
	'заказ…': fill('заказ'),
	'A-': fill('A-'),
	'1 ': fill('1 '),
	// the language layer (core/text): reverse transliteration, request/refusal grammar, anger cues,
	// quantities, full-width and digit-for-letter forms, look-alike letters, the customer reference
	translit: fill('zdravstvuyte hochu zakazat '),
	'не хочу оператора': fill('не хочу говорить с оператором, соедините с менеджером '),
	'ОПЕРАТОР!!!': fill('ОПЕРАТОР!!! '),
	'full-width': fill('ｏｐｅｒａｔｏｒ０ＰＥＲＡＴ０Ｒ'),
	'2 млн': fill('2 млн руб 800 тонн '),
	'look-alike': fill('зaрaбoтoк iPhоne '),
	'заказ A': `заказ${fill('A')}`,
};

function guard(name: string, run: (text: string) => unknown): void {
	for (const [label, text] of Object.entries(TEXTS)) {
		it(`${name}: 1 MB of ${label} finishes within ${BOUND_MS / 1000} s`, async () => {
			const t0 = performance.now();
			const out = await run(text);
			const ms = performance.now() - t0;
			assert.ok(out !== undefined);
			assert.ok(ms < BOUND_MS, `${name} on ${label}: ${Math.round(ms)} ms`);
		});
	}
}

describe('1 MB of adversarial text through every text path', () => {
	const classifier = createClassifier({ mode: 'cascade' });
	guard('classify (offline, default rules)', (t) => classifier.classifyOffline(t));
	guard('escalate', (t) =>
		decideEscalation(
			{ turns: [{ role: 'customer', text: `оператор ${t}`, error: false }] },
			withDefaults({}),
			{ now: new Date('2026-01-05T10:00:00Z') },
		),
	);
	guard('redactPii', (t) => redactPii(t));
	guard('extract', (t) => extractFields(t));
	guard('dedupe record parsing', (t) =>
		parseContact({ name: t, email: t, phone: t, company: t, address: t, city: t, telegram: t }, 0, {
			mapping: DEFAULT_FIELD_MAPPING,
			defaultCountry: 'RU',
			withoutIdentity: 'new',
		}),
	);
});
