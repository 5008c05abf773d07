import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEFAULT_CATEGORY_IDS, inquirySchemaFor } from '../../../core/classify';
import { ClassifyInquiry } from '../../../nodes/ClassifyInquiry/ClassifyInquiry.node.js';
import { configuredInputs, configuredOutputs } from '../../../nodes/ClassifyInquiry/description';
import {
	engineSummary,
	llmClientConfig,
	outputIndexFor,
	readCategories,
	readRules,
	readText,
} from '../../../nodes/ClassifyInquiry/helpers';
import { runNode } from '../../helpers/workflowHarness';
import type { NodeRunOptions } from '../../helpers/workflowHarness';

const TYPE = 'n8n-nodes-inquiry-router.classifyInquiry';
const schema = inquirySchemaFor(DEFAULT_CATEGORY_IDS);

function run(parameters: INodeParameters, items: IDataObject[], extra: Partial<NodeRunOptions> = {}) {
	return runNode({ type: TYPE, nodeType: new ClassifyInquiry(), parameters, inputs: [items], ...extra });
}

function hintsOf(res: Awaited<ReturnType<typeof run>>): string[] {
	return (res.run.data.resultData.runData['Under Test']?.[0]?.hints ?? []).map((h) => h.message);
}

const TENDER = 'Добрый день! Участвуем в тендере по 44-ФЗ, пришлите коммерческое предложение. Иван, +7 912 345-67-89';
const RULE_SPAM = { rule: [{ pattern: 'казино', kind: 'keyword', effect: 'type', type: 'spam', weight: 10 }] };

describe('Classify Inquiry node (n8n WorkflowExecute): offline', () => {
	it('default: one output, every item keeps its fields and gains a schema-valid inquiry', async () => {
		const items = [
			{ id: 1, text: TENDER },
			{ id: 2, text: 'Привезли не тот товар, верните деньги!!!' },
			{ id: 3, text: 'What are your opening hours?' },
		];
		const res = await run({}, items);
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, 1);
		assert.equal(res.outputs[0].length, 3);
		res.outputs[0].forEach((item, i) => {
			assert.deepEqual(item.pairedItem, { item: i });
			assert.equal(item.json.id, items[i].id);
			assert.equal(item.json.text, items[i].text);
			const inquiry = schema.parse(item.json.inquiry);
			assert.equal(inquiry.degraded, false);
			assert.ok(!inquiry.stages.includes('llm'), 'no credential: the cascade stops at the local model');
			assert.ok(inquiry.reasons.length > 0);
		});
		const tender = schema.parse(res.outputs[0][0].json.inquiry);
		assert.equal(tender.type, 'lead');
		assert.equal(tender.priority, 'high');
		assert.deepEqual(tender.extracted.phones, ['+79123456789']);
		assert.ok(hintsOf(res).includes('Engines: rules 3, local model 3, LLM 0'));
	});

	it('reads a dotted path, honours the output key and user rules', async () => {
		const res = await run(
			{ textField: 'message.body', rules: RULE_SPAM, options: { outputKey: 'label' }, mode: 'rules' },
			[{ message: { body: 'Лучшее онлайн казино, бонус 200%' } }],
		);
		const label = schema.parse(res.outputs[0][0].json.label);
		assert.equal(res.outputs[0][0].json.inquiry, undefined);
		assert.equal(label.type, 'spam');
		assert.equal(label.engine, 'rules');
		assert.deepEqual(label.stages, ['rules']);
		assert.ok(label.reasons.some((r) => r.code === 'rule' && String(r.detail).startsWith('rule_1')));
	});

	it('one output per category plus Fallback: confident items go to their category, unsure ones to Fallback', async () => {
		const res = await run(
			{ outputPerCategory: true, mode: 'rules', threshold: 0.9, rules: RULE_SPAM, options: { useDefaultRules: false } },
			[{ text: 'казино казино' }, { text: '🙂🙂🙂' }, { text: 'онлайн казино' }],
		);
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, DEFAULT_CATEGORY_IDS.length + 1);
		const spamOut = DEFAULT_CATEGORY_IDS.indexOf('spam');
		assert.deepEqual(
			res.outputs[spamOut].map((i) => i.pairedItem),
			[{ item: 0 }, { item: 2 }],
		);
		const fallback = res.outputs[DEFAULT_CATEGORY_IDS.length];
		assert.equal(fallback.length, 1);
		assert.deepEqual(fallback[0].pairedItem, { item: 1 });
		assert.ok(schema.parse(fallback[0].json.inquiry).confidence < 0.9);
	});

	it('custom categories: outputs named after them, types only from them', async () => {
		const categories = {
			category: [
				{ name: 'tender', description: 'Procurement, tenders', examples: 'Приглашаем к участию в тендере\nзакупка по 223-ФЗ' },
				{ name: 'support', description: 'Help with an existing order', examples: 'Где мой заказ?\nНе работает доставка' },
			],
		};
		const params = { taxonomy: 'custom', categories, outputPerCategory: true, threshold: 0 };
		assert.deepEqual(
			configuredOutputs(params, DEFAULT_CATEGORY_IDS).map((o) => (o as { displayName?: string }).displayName),
			['tender', 'support', 'Fallback'],
		);
		const res = await run(params, [{ text: 'Приглашаем вас принять участие в тендере' }, { text: 'Где мой заказ 12345?' }]);
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, 3);
		const custom = inquirySchemaFor(['tender', 'support']);
		assert.equal(custom.parse(res.outputs[0][0].json.inquiry).type, 'tender');
		assert.equal(custom.parse(res.outputs[1][0].json.inquiry).type, 'support');
		assert.deepEqual(custom.parse(res.outputs[1][0].json.inquiry).extracted.orderNumbers, ['12345']);
	});

	it('multi-label fills inquiry.types, the first one being inquiry.type', async () => {
		const res = await run({ options: { multiLabel: true } }, [{ text: 'Товар пришёл сломанный, оформите возврат и замену' }]);
		const q = schema.parse(res.outputs[0][0].json.inquiry);
		assert.ok(q.types && q.types.length >= 1);
		assert.equal(q.types[0].type, q.type);
		for (const t of q.types) assert.ok(DEFAULT_CATEGORY_IDS.includes(t.type));
	});

	describe('bad input', () => {
		const bad: Array<[string, IDataObject, RegExp]> = [
			['missing', { other: 'x' }, /Item 1: Field "text" is missing/],
			['null', { text: null }, /Item 1: Field "text" is missing/],
			['a number', { text: 42 }, /Item 1: Field "text" must be text, got number/],
			['an object', { text: { a: 1 } }, /Item 1: Field "text" must be text, got object/],
			['an array', { text: ['a'] }, /Item 1: Field "text" must be text, got array/],
			['empty', { text: '' }, /Item 1: Field "text" is empty/],
			['whitespace', { text: ' \n\t ' }, /Item 1: Field "text" is empty/],
		];
		for (const [what, json, message] of bad) {
			it(`text ${what} stops the node with an error naming the item and field`, async () => {
				const res = await run({}, [{ text: 'Нужна цена на 100 штук' }, json]);
				assert.match(res.error?.message ?? '', message);
				assert.equal(res.error?.context?.itemIndex, 1);
			});
		}

		it('under continueErrorOutput every bad item goes to the error output, good ones are classified', async () => {
			const items = [{ text: 'Нужна цена на 100 штук' }, ...bad.map(([, json]) => json), { text: 'Спасибо, всё отлично!' }];
			const res = await run({}, items, { onError: 'continueErrorOutput' });
			assert.equal(res.error, undefined);
			assert.equal(res.outputs.length, 2);
			assert.deepEqual(
				res.outputs[0].map((i) => i.pairedItem),
				[{ item: 0 }, { item: items.length - 1 }],
			);
			assert.equal(res.outputs[1].length, bad.length);
			res.outputs[1].forEach((item, k) => {
				assert.deepEqual(item.pairedItem, { item: k + 1 });
				assert.match(JSON.stringify(item.json.error), new RegExp(`Item ${k + 1}: Field \\\\"text\\\\"`));
			});
		});

		it('per-category outputs: failed items never land in a category output', async () => {
			const items = [{ text: 5 }, { text: 'казино' }, { text: '' }];
			const params = { outputPerCategory: true, mode: 'rules', rules: RULE_SPAM };
			const withError = await run(params, items, { onError: 'continueErrorOutput' });
			assert.equal(withError.outputs.length, DEFAULT_CATEGORY_IDS.length + 2);
			const errorOut = withError.outputs[DEFAULT_CATEGORY_IDS.length + 1];
			assert.deepEqual(
				errorOut.map((i) => i.pairedItem),
				[{ item: 0 }, { item: 2 }],
			);
			for (let o = 0; o <= DEFAULT_CATEGORY_IDS.length; o++) {
				for (const item of withError.outputs[o]) assert.ok(item.json.inquiry, `output ${o} holds a failed item`);
			}
			const regular = await run(params, items, { onError: 'continueRegularOutput' });
			for (let o = 0; o < DEFAULT_CATEGORY_IDS.length; o++) {
				for (const item of regular.outputs[o]) assert.ok(item.json.inquiry, `category output ${o} holds a failed item`);
			}
			const fallback = regular.outputs[DEFAULT_CATEGORY_IDS.length];
			assert.deepEqual(
				fallback.filter((i) => i.json.error).map((i) => i.pairedItem),
				[{ item: 0 }, { item: 2 }],
			);
		});

		it('1 MB text, emoji only, HTML and mixed scripts are valid: classified, not errors', async () => {
			const items = [
				{ text: `Нужен счёт на оплату. ${'очень длинный текст '.repeat(55_000)}` },
				{ text: '😡😡😡🔥' },
				{ text: '<p>Hello,<br><b>please call me back</b> &amp; send a <a href="x">quote</a></p><script>alert(1)</script>' },
				{ text: 'Hello, нужен price на 50 шт. 谢谢 مرحبا' },
			];
			assert.ok((items[0].text as string).length > 1_000_000);
			const res = await run({}, items);
			assert.equal(res.error, undefined);
			assert.equal(res.outputs[0].length, 4);
			for (const item of res.outputs[0]) schema.parse(item.json.inquiry);
		});
	});

	it('configuration errors stop the node with a clear message', async () => {
		let res = await run({ mode: 'llm' }, [{ text: 'hi' }], { onError: 'continueErrorOutput' });
		assert.match(res.error?.message ?? '', /Mode "LLM" needs a credential/);
		res = await run({ taxonomy: 'custom', categories: { category: [{ name: 'a' }, { name: 'a' }] } }, [{ text: 'hi' }]);
		assert.match(res.error?.message ?? '', /Custom category "a" appears twice/);
		res = await run({ rules: { rule: [{ pattern: 'x', effect: 'type', type: 'vip' }] } }, [{ text: 'hi' }]);
		assert.match(res.error?.message ?? '', /"vip", which is not a category/);
		res = await run({ trainingExamples: { example: [{ text: 'hello', type: 'vip' }] } }, [{ text: 'hi' }]);
		assert.match(res.error?.message ?? '', /not a category/);
		res = await run({ options: { defaultCountry: 'XX' } }, [{ text: 'hi' }]);
		assert.match(res.error?.message ?? '', /Default Phone Country "XX" is not a supported/);
		res = await run({ options: { defaultCountry: 'kz' } }, [{ text: 'звоните 8 701 123 45 67' }]);
		assert.deepEqual(schema.parse(res.outputs[0][0].json.inquiry).extracted.phones, ['+77011234567']);
	});

	it('an Output Key that would overwrite the text field is refused, even under Continue On Fail', async () => {
		let res = await run({ options: { outputKey: 'text' } }, [{ text: 'hi' }], { onError: 'continueErrorOutput' });
		assert.match(res.error?.message ?? '', /Output Key "text" would overwrite the text field "text"/);
		res = await run({ textField: 'message.body', options: { outputKey: 'message' } }, [{ message: { body: 'hi' } }]);
		assert.match(res.error?.message ?? '', /Output Key "message" would overwrite the text field "message.body"/);
		res = await run({ textField: 'body', options: { outputKey: 'bodyLabel' } }, [{ body: 'hi' }]);
		assert.equal(res.error, undefined);
		assert.equal(res.outputs[0][0].json.body, 'hi');
	});

	it('Training input retrains the local model; untidy rows are skipped and counted', async () => {
		const categories = { category: [{ name: 'alpha' }, { name: 'beta' }] };
		const training = [
			{ text: 'квитанция за электроэнергию не пришла', label: 'alpha' },
			{ text: 'квитанция по электроэнергии потерялась', label: 'alpha' },
			{ text: 'где квитанция за электроэнергию', label: 'alpha' },
			{ text: 'хочу заказать пиццу с грибами', label: 'beta' },
			{ text: 'закажу пиццу маргарита', label: 'beta' },
			{ text: 'пицца с ананасами, заказ', label: 'beta' },
			{ text: '', label: 'alpha' },
			{ text: 'без метки' },
			{ text: 'чужая метка', label: 'gamma' },
		];
		const params = {
			mode: 'local',
			taxonomy: 'custom',
			categories,
			trainingInput: true,
			options: { trainingTypeField: 'label', useDefaultRules: false },
		};
		assert.equal(configuredInputs(params).length, 2);
		const res = await runNode({
			type: TYPE,
			nodeType: new ClassifyInquiry(),
			parameters: params,
			inputs: [[{ text: 'не пришла квитанция за электроэнергию' }, { text: 'пиццу с грибами закажу' }], training],
		});
		assert.equal(res.error, undefined);
		const custom = inquirySchemaFor(['alpha', 'beta']);
		assert.deepEqual(
			res.outputs[0].map((i) => custom.parse(i.json.inquiry).type),
			['alpha', 'beta'],
		);
		assert.ok(
			hintsOf(res).some((h) =>
				h.startsWith('Training input: 6 of 9 items used; skipped 1 without text, 1 without a type, 1 with a type that is not a category ("gamma")'),
			),
			hintsOf(res).join(' | '),
		);
	});
});

describe('Classify Inquiry helpers', () => {
	it('readText: dotted path or literal dotted key; errors name the field', () => {
		assert.equal(readText({ a: { b: 'x' } }, 'a.b'), 'x');
		assert.equal(readText({ 'a.b': 'y', a: { b: 'x' } }, 'a.b'), 'y');
		assert.throws(() => readText({}, 'a.b'), /Field "a.b" is missing/);
		assert.throws(() => readText({ t: 1 }, ' '), /"Text Field" is empty/);
	});

	it('readRules maps effects and ids; readCategories splits example lines', () => {
		assert.deepEqual(
			readRules({
				rule: [
					{ pattern: ' тендер ', kind: 'keyword', effect: 'priority', priority: 'high' },
					{ id: 'angry1', pattern: 'безобразие', kind: 'regex', effect: 'flag', flag: 'angry', weight: 2 },
				],
			}),
			[
				{ id: 'rule_1', pattern: 'тендер', kind: 'keyword', weight: 1, setPriority: 'high' },
				{ id: 'angry1', pattern: 'безобразие', kind: 'regex', weight: 2, setFlag: 'angry' },
			],
		);
		assert.throws(() => readRules({ rule: [{ pattern: '' }] }), /Rule 1 has no pattern/);
		assert.deepEqual(readCategories('custom', { category: [{ name: 'x', description: ' d ', examples: 'a\n\n b ' }] }), [
			{ id: 'x', description: 'd', examples: ['a', 'b'] },
		]);
		assert.equal(readCategories('default', {}), undefined);
		assert.throws(() => readCategories('custom', {}), /no category is defined/);
	});

	it('outputIndexFor: category index, Fallback below the threshold or for an unknown type', () => {
		assert.equal(outputIndexFor({ type: 'b', confidence: 0.9 }, ['a', 'b'], 0.6), 1);
		assert.equal(outputIndexFor({ type: 'b', confidence: 0.5 }, ['a', 'b'], 0.6), 2);
		assert.equal(outputIndexFor({ type: 'zzz', confidence: 0.9 }, ['a', 'b'], 0.6), 2);
	});

	it('llmClientConfig maps the credential and options (seconds, -1 temperature, structured output)', () => {
		assert.deepEqual(
			llmClientConfig(
				{ apiKey: 'k', baseUrl: ' http://127.0.0.1:11434/v1 ', organization: '', headerName: 'X-Gw', headerValue: 'v' },
				' qwen2.5:7b ',
				{ timeout: 2.5, maxRetries: 0, concurrency: 8, redactPii: false, temperature: -1, structuredOutput: 'prompt' },
			),
			{
				apiKey: 'k',
				model: 'qwen2.5:7b',
				timeoutMs: 2500,
				maxRetries: 0,
				concurrency: 8,
				redactPii: false,
				structuredOutput: 'prompt',
				baseUrl: 'http://127.0.0.1:11434/v1',
				headers: { 'X-Gw': 'v' },
			},
		);
		const defaults = llmClientConfig({ apiKey: 'k' }, 'm', {});
		assert.equal(defaults.temperature, 0);
		assert.equal(defaults.redactPii, true);
		assert.equal(defaults.structuredOutput, 'json_schema');
		assert.equal(defaults.timeoutMs, 30000);
	});

	it('engineSummary counts items per engine and names the failure causes', () => {
		const q = (stages: Array<'rules' | 'local' | 'llm'>, degraded = false) => ({ stages, degraded });
		assert.equal(
			engineSummary([q(['rules', 'local']), q(['rules', 'local', 'llm']), q(['rules', 'local', 'llm'], true)], {
				calls: 2,
				failures: { timeout: 1 },
			}),
			'Engines: rules 3, local model 3, LLM 2 (1 degraded: timeout ×1)',
		);
	});
});
