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

/**
 * An LLM summary provider. Phones and e-mails are masked before the transcript leaves the machine
 * when `redact` is on (the client masks too when its own redaction is on). Any failure throws; the
 * decision then keeps the extractive summary and flags the result degraded. The client's timeout bounds
 * each call, retries and back-off waits included; `signal` (the execution's cancel signal) ends it at once.
 */
export function llmSummaryProvider(client: LlmClient, redact: boolean, signal?: AbortSignal): SummaryProvider {
	return async ({ transcript, language, reasons }) => {
		const lines = transcript.map((t) => `${t.role}: ${t.text}`).join('\n');
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
