import { ANGER_THRESHOLD } from '../text/anger';

/** Options of the escalation decision, mirrored one to one by the node's parameters and the CLI config. */
export interface EscalationOptions {
	humanRequest: { enabled: boolean; /** Requests (customer turns) needed; 1 = on the first request. */ minRequests: number };
	anger: {
		enabled: boolean;
		/**
		 * Score needed: the anger evidence of the angriest recent customer message by the shared detector
		 * (core/text/anger.ts: anger words and legal threats 1, weak words 0.5, capitals 0.6, "!!!" 0.4, a grievance
		 * 0.5, sarcasm 0.5), plus 1 for an upstream angry flag and 1 for negative sentiment. The default 1 is
		 * Classify's threshold, so a message Classify calls angry hands over and one it does not, on its own, does not.
		 */
		minScore: number;
		/** An upstream sentiment (−1…1) at or below this counts as anger. */
		sentimentBelow: number;
	};
	complaint: { enabled: boolean; /** Inquiry types that always go to a person. */ types: string[] };
	vip: { enabled: boolean; segments: string[] };
	loop: {
		enabled: boolean;
		/** The same (or nearly the same) bot answer this many times. */
		repeatedBotAnswers: number;
		/** The customer sending the same message this many times. */
		customerRepeats: number;
		/** Bot turns since the last resolution or human turn. */
		maxBotTurns: number;
		/** Similarity (0–1, edit distance ratio) above which two messages are "the same". */
		similarity: number;
	};
	lowConfidence: { enabled: boolean; threshold: number; unknownTypes: string[] };
	repeatContact: { enabled: boolean; minContacts: number };
	botFailure: { enabled: boolean };
	/** Minutes after a handoff during which soft triggers (VIP, loop, low confidence, repeat contact) do not hand over again. */
	cooldownMinutes: number;
	workingHours: {
		enabled: boolean;
		timezone: string;
		/** ISO weekdays, 1 = Monday … 7 = Sunday. */
		days: number[];
		start: string;
		end: string;
	};
	/** 'auto' picks the customer's language from their messages. */
	language: 'auto' | 'ru' | 'en';
	/** Turns kept in the handoff transcript (the latest ones). */
	transcriptTurns: number;
}

export const DEFAULT_OPTIONS: EscalationOptions = {
	humanRequest: { enabled: true, minRequests: 1 },
	anger: { enabled: true, minScore: ANGER_THRESHOLD, sentimentBelow: -0.5 },
	complaint: { enabled: true, types: ['complaint'] },
	vip: { enabled: true, segments: ['A'] },
	loop: { enabled: true, repeatedBotAnswers: 2, customerRepeats: 2, maxBotTurns: 6, similarity: 0.85 },
	lowConfidence: { enabled: true, threshold: 0.5, unknownTypes: ['other', 'unknown'] },
	repeatContact: { enabled: true, minContacts: 3 },
	botFailure: { enabled: true },
	cooldownMinutes: 30,
	workingHours: { enabled: false, timezone: 'Europe/Moscow', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
	language: 'auto',
	transcriptTurns: 20,
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type EscalationOptionsInput = DeepPartial<EscalationOptions>;

/** Defaults with the given overrides applied (one level of nesting, as the options have). */
export function withDefaults(partial: EscalationOptionsInput = {}): EscalationOptions {
	const out = JSON.parse(JSON.stringify(DEFAULT_OPTIONS)) as Record<string, unknown>;
	for (const [key, value] of Object.entries(partial)) {
		if (value === undefined) continue;
		const base = out[key];
		if (base && typeof base === 'object' && !Array.isArray(base) && value && typeof value === 'object' && !Array.isArray(value)) {
			out[key] = { ...(base as object), ...Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) };
		} else out[key] = value;
	}
	return out as unknown as EscalationOptions;
}
