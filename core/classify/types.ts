/**
 * Classify Inquiry: the contract between the offline engines (rules, local model, cascade) and the
 * LLM engine. Plain TypeScript, nothing from n8n.
 */

/** One entry of the taxonomy. `id` is what `inquiry.type` carries; description and examples teach the model. */
export interface Category {
	id: string;
	description?: string;
	examples?: string[];
}

/** The default taxonomy (used unless the user supplies their own categories). */
export const DEFAULT_CATEGORIES: Category[] = [
	{
		id: 'lead',
		description: 'A prospective customer wants to buy, order, get a price, a quote or a commercial proposal, or invites to a tender.',
	},
	{
		id: 'complaint',
		description: 'The customer is dissatisfied: wrong, broken or late goods, bad service, demands compensation.',
	},
	{
		id: 'service_request',
		description: 'An existing customer asks to do something with an order, account, payment, invoice, refund or delivery.',
	},
	{
		id: 'question',
		description: 'A general question about policies, prices, payment methods, delivery options, terms; no action requested.',
	},
	{ id: 'spam', description: 'Unsolicited advertising, scam, earnings offers, crypto, unrelated promotion.' },
	{ id: 'other', description: 'Feedback, thanks, reviews and anything that fits no other category.' },
];

export const DEFAULT_CATEGORY_IDS = DEFAULT_CATEGORIES.map((c) => c.id);

export type Priority = 'high' | 'normal' | 'low';
export type Sentiment = 'negative' | 'neutral' | 'positive';
export type EngineName = 'rules' | 'local' | 'llm';
export type ClassifyMode = 'rules' | 'local' | 'llm' | 'cascade';
export type RuleFlag = 'wantsHuman' | 'angry' | 'spam';

/**
 * A user (or default) rule. `keyword` patterns match through Russian and English morphology
 * (snowball stems: "тендер" hits "тендера", "тендером", "тендерная") and tolerate one typo in words
 * of 5+ letters unless `typos` is false; several words must appear in that order, with at most 3 other words between them; a
 * word written "a|b|c" accepts any of the alternatives, "=word" that exact form (or its plural -s). `regex` patterns are JavaScript regular
 * expressions, case-insensitive unless `caseSensitive` is set.
 */
export interface ClassifyRule {
	id?: string;
	pattern: string;
	kind: 'keyword' | 'regex';
	setPriority?: Priority;
	setType?: string;
	setFlag?: RuleFlag;
	/** Strength of the rule, default 1. A type rule with weight >= 1 is decisive (settles the type). */
	weight?: number;
	/** regex only: match case (default: case-insensitive) */
	caseSensitive?: boolean;
	/** keyword only: tolerate one typo in words of 5+ letters (default true) */
	typos?: boolean;
}

/** What an LLM engine returns, before the cascade validates it against the taxonomy. */
export interface LlmVerdict {
	type: string;
	types?: Array<{ type: string; confidence: number }>;
	confidence: number;
	priority?: Priority;
	sentiment?: Sentiment;
	angry?: boolean;
	wantsHuman?: boolean;
	spam?: boolean;
	language?: string;
	rationale?: string;
}

/** Why an LLM call did not produce a usable verdict (reason `llm_failed`, detail = kind). */
export type LlmFailureKind =
	| 'timeout'
	| 'rate_limited'
	| 'server_error'
	| 'invalid_output'
	| 'unknown_category'
	| 'network';

export const LLM_FAILURE_KINDS: readonly LlmFailureKind[] = [
	'timeout',
	'rate_limited',
	'server_error',
	'invalid_output',
	'unknown_category',
	'network',
];

/**
 * An LLM engine. `classify` may throw; an error with a `kind` property naming an LlmFailureKind is
 * reported with that kind, any other error as 'network' (or 'invalid_output' for a ZodError).
 */
export interface LlmClassifier {
	classify(text: string, categories: Category[]): Promise<LlmVerdict>;
}

export interface TrainingExample {
	text: string;
	type: string;
}

export interface ClassifierConfig {
	/** default 'cascade' */
	mode: ClassifyMode;
	/** Replaces the default taxonomy. Descriptions and examples become training text of the local model. */
	categories?: Category[];
	/** User rules, applied before the default rules. */
	rules?: ClassifyRule[];
	/** 0..1, default 0.5: below it the cascade asks the next engine. */
	threshold?: number;
	multiLabel?: boolean;
	/** Cut for `types` in multi-label mode, default 0.3. */
	multiLabelCut?: number;
	/** ISO 3166 alpha-2 country for phones without a country code, default 'RU'. */
	defaultCountry?: string;
	/** Labelled history: trains the local model (added to the default examples when the taxonomy is the default one). */
	training?: TrainingExample[];
	/** Default rules (priority, wants-human, anger, spam, strong type cues); default true. */
	useDefaultRules?: boolean;
	llm?: LlmClassifier;
}
