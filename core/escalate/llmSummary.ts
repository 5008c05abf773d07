import { z } from 'zod';

import type { LlmClient } from '../llm';
import { redactPii } from '../text/redact';
import type { SummaryProvider } from './escalate';

/** The only thing the model may return: one summary string. */
export const llmSummarySchema = z.object({ summary: z.string().min(1).max(1200) }).strict();

const SYSTEM: Record<'ru' | 'en', string> = {
	ru:
		'Ты помогаешь сотруднику поддержки, который принимает разговор от чат-бота. Кратко (2–4 предложения) перескажи суть проблемы клиента, ' +
		'что уже пробовал бот и чего клиент ждёт. Используй только факты из переписки, ничего не добавляй. Ответ — JSON {"summary": "..."} на русском.',
	en:
		'You help a support agent who is taking over a conversation from a chatbot. In 2–4 sentences, state the customer\'s problem, ' +
		'what the bot already tried and what the customer expects. Use only facts from the transcript, add nothing. Answer as JSON {"summary": "..."} in English.',
};

/** Characters of one turn, and of the whole transcript, sent to the model (the latest turns are kept). */
export const MAX_SUMMARY_TURN_CHARS = 2_000;
export const MAX_SUMMARY_TRANSCRIPT_CHARS = 12_000;

/** "role: text" lines of the latest turns, each turn cut to MAX_SUMMARY_TURN_CHARS, all within MAX_SUMMARY_TRANSCRIPT_CHARS. */
export function boundedTranscript(transcript: ReadonlyArray<{ role: string; text: string }>): string {
	const lines: string[] = [];
	let total = 0;
	for (let i = transcript.length - 1; i >= 0; i--) {
		const t = transcript[i];
		const text = t.text.length > MAX_SUMMARY_TURN_CHARS ? `${t.text.slice(0, MAX_SUMMARY_TURN_CHARS)}…` : t.text;
		const line = `${t.role}: ${text}`;
		if (lines.length > 0 && total + line.length + 1 > MAX_SUMMARY_TRANSCRIPT_CHARS) break;
		lines.push(line);
		total += line.length + 1;
	}
	return lines.reverse().join('\n');
}

/**
 * An LLM summary provider. The transcript sent is bounded (boundedTranscript). Phones and e-mails are masked before the transcript leaves the machine
 * when `redact` is on (the client masks too when its own redaction is on). Any failure throws; the
 * decision then keeps the extractive summary and flags the result degraded. The client's timeout bounds
 * each call, retries and back-off waits included; `signal` (the execution's cancel signal) ends it at once.
 */
export function llmSummaryProvider(client: LlmClient, redact: boolean, signal?: AbortSignal): SummaryProvider {
	return async ({ transcript, language, reasons }) => {
		const lines = boundedTranscript(transcript);
		const user = `Escalation reasons: ${reasons.join('; ')}\n\nTranscript:\n${lines}`;
		const answer = await client.structured({
			schema: llmSummarySchema,
			name: 'handoff_summary',
			system: SYSTEM[language],
			user: redact ? redactPii(user) : user,
			...(signal ? { signal } : {}),
		});
		return answer.summary;
	};
}
