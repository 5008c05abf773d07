import { reason } from '../shared/reasons';
import type { Reason } from '../shared/reasons';
import { extractiveSummary, keyFacts, transcript } from './handoff';
import { checkWorkingHours, describeOpening, isOpen, nextOpening } from './hours';
import { detectHumanRequest } from '../text/humanRequest';
import type { EscalationInput, InputTurn } from './input';
import type { EscalationOptions } from './options';
import { customerReply, suggestedFirstReply } from './replies';
import type { Language } from './replies';
import { escalationSchema } from './schema';
import type { Escalation, Priority, TriggerId } from './schema';
import { detectAnger } from '../text/anger';
import type { AngerCueCode, AngerResult } from '../text/anger';
import { isBotFallback, isResolution, largestRepeat } from './signals';

/**
 * The escalation decision: every enabled trigger is checked, each that fires adds a reason with its
 * trigger id as `code` and the words or values that made it fire as `evidence`. Pure: `now` is an
 * argument, nothing is logged, the result is validated against the strict schema.
 */

interface Fired {
	id: TriggerId;
	reason: Reason;
	/** Extra priority: 2 = urgent, 1 = high, 0 = normal. */
	severity: number;
}

/** Triggers that still hand over during the cooldown after a previous handoff. */
const STRONG: ReadonlySet<TriggerId> = new Set(['human_request', 'anger', 'complaint', 'bot_failure']);

/** Which trigger words the customer reply, in this order of precedence. */
const REPLY_ORDER: TriggerId[] = ['anger', 'human_request', 'complaint', 'repeat_contact', 'loop', 'bot_failure', 'vip', 'low_confidence'];

export function detectLanguage(turns: InputTurn[]): Language {
	const text = turns
		.filter((t) => t.role === 'customer')
		.map((t) => t.text)
		.join(' ');
	const cyr = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
	const lat = (text.match(/[A-Za-z]/g) ?? []).length;
	return cyr >= lat && cyr > 0 ? 'ru' : lat > 0 ? 'en' : 'ru';
}

/**
 * Turns since the last human agent or the customer's last "thanks, solved". Thanks that come with a request
 * for a person or with anger ("спасибо за прекрасный сервис, жду возврат уже месяц") close nothing.
 */
function openTurns(turns: InputTurn[]): InputTurn[] {
	let from = 0;
	turns.forEach((t, i) => {
		if (t.role === 'agent' || (t.role === 'customer' && isResolution(t.text) && !detectHumanRequest(t.text) && !detectAnger(t.text).angry)) from = i + 1;
	});
	return turns.slice(from);
}

function sentimentIsNegative(s: number | string | undefined, below: number): boolean {
	if (typeof s === 'number') return s <= below;
	if (typeof s === 'string') return /^(very[_ -]?negative|negative|angry|hostile)$/i.test(s.trim());
	return false;
}

function truthyError(v: unknown): string | undefined {
	if (v === undefined || v === null || v === false || v === '' || v === 0) return undefined;
	if (v === true) return 'true';
	if (typeof v === 'string') return v.slice(0, 120);
	if (typeof v === 'object') {
		const m = (v as Record<string, unknown>).message;
		return typeof m === 'string' ? m.slice(0, 120) : 'error object';
	}
	return String(v);
}

const CUE_KIND: Record<AngerCueCode, string> = {
	anger_caps: 'capitals',
	anger_exclamations: '"!!!"',
	anger_repeat: 'counted repeats',
	anger_grievance: 'grievance',
	anger_sarcasm: 'sarcasm',
};

export function evaluateTriggers(input: EscalationInput, o: EscalationOptions): { fired: Fired[]; humanRequests: number } {
	const fired: Fired[] = [];
	const customer = input.turns.filter((t) => t.role === 'customer' && t.text.trim());
	const open = openTurns(input.turns);
	const openCustomer = open.filter((t) => t.role === 'customer' && t.text.trim());
	const inq = input.inquiry ?? {};

	// Classify's flags on this very message stand instead of detecting again (contract, v1.1 message mode).
	const trustWantsHuman = inq.flagsFromSameText === true && typeof inq.wantsHuman === 'boolean';
	const trustAngry = inq.flagsFromSameText === true && typeof inq.angry === 'boolean';

	// Human request: every customer turn that asks, counted across the conversation.
	const requests = trustWantsHuman ? [] : customer.map((t) => ({ t, m: detectHumanRequest(t.text) })).filter((x) => x.m);
	let humanRequests = requests.length;
	if (humanRequests === 0 && inq.wantsHuman === true) humanRequests = 1;
	if (o.humanRequest.enabled && humanRequests >= Math.max(1, o.humanRequest.minRequests)) {
		const evidence = requests.length ? requests.map((x) => x.m!.evidence) : ['inquiry.wantsHuman'];
		const shouted = requests.some((x) => /\p{Lu}{4,}/u.test(x.t.text));
		const detail =
			humanRequests === 1
				? 'customer asked for a human'
				: `customer asked for a human ${humanRequests} times${shouted ? ', in capitals' : ''}`;
		fired.push({ id: 'human_request', reason: reason('human_request', detail, evidence, humanRequests), severity: humanRequests >= 3 ? 2 : humanRequests === 2 ? 1 : 0 });
	}

	// Anger: the angriest of the latest customer messages (of the open part of the conversation), by the one
	// detector Classify's `angry` uses (core/text/anger.ts), plus upstream labels.
	if (o.anger.enabled) {
		const results = (trustAngry ? [] : openCustomer.slice(-3)).map((t) => detectAnger(t.text));
		const angriest = results.reduce<AngerResult | undefined>((best, r) => (!best || r.score > best.score ? r : best), undefined);
		let score = Math.max(0, angriest?.score ?? 0);
		const evidence: string[] = [];
		const kinds = new Set<string>();
		if (angriest && angriest.score > 0) {
			for (const h of angriest.hits) {
				if (h.weight <= 0 || h.rule.legal) continue;
				kinds.add(h.weight >= 1 ? 'anger words' : 'weak anger words');
				evidence.push(h.matched);
			}
			for (const c of angriest.cues) {
				kinds.add(CUE_KIND[c.code]);
				evidence.push(c.evidence);
			}
		}
		const legal = [...new Set(results.flatMap((r) => r.legal))];
		if (legal.length) {
			kinds.add('legal threat');
			evidence.unshift(...legal);
		}
		if (inq.angry === true) {
			score += 1;
			kinds.add('classified angry');
			evidence.push('inquiry.angry');
		}
		if (sentimentIsNegative(inq.sentiment, o.anger.sentimentBelow)) {
			score += 1;
			kinds.add('negative sentiment');
			evidence.push(`inquiry.sentiment=${String(inq.sentiment)}`);
		}
		// a legal threat hands over (urgent) even when written calmly
		if ((score >= o.anger.minScore && score > 0) || legal.length) {
			fired.push({
				id: 'anger',
				reason: reason('anger', `anger or strong negative sentiment: ${[...kinds].join(', ')}`, [...new Set(evidence)], score),
				severity: legal.length ? 2 : 1,
			});
		}
	}

	// Complaint or a human-only category.
	if (o.complaint.enabled && inq.type) {
		const types = o.complaint.types.map((t) => t.trim().toLowerCase()).filter(Boolean);
		if (types.includes(inq.type.toLowerCase())) {
			fired.push({ id: 'complaint', reason: reason('complaint', `type "${inq.type}" goes to a person`, inq.type), severity: 0 });
		}
	}

	// VIP: segment or flag.
	if (o.vip.enabled) {
		const segs = o.vip.segments.map((s) => s.trim().toUpperCase()).filter(Boolean);
		const bySegment = input.segment !== undefined && segs.includes(input.segment.trim().toUpperCase());
		if (bySegment || input.vip === true) {
			const evidence = [bySegment ? `segment=${input.segment}` : '', input.vip ? 'vip=true' : ''].filter(Boolean);
			fired.push({ id: 'vip', reason: reason('vip', bySegment ? `segment ${input.segment} client` : 'VIP client', evidence), severity: 1 });
		}
	}

	// The bot going in circles (only in the open part of the conversation).
	if (o.loop.enabled) {
		const bot = open.filter((t) => t.role === 'bot' && t.text.trim());
		const evidence: string[] = [];
		const details: string[] = [];
		const sameBot = largestRepeat(
			bot.map((t) => t.text),
			o.loop.similarity,
		);
		if (o.loop.repeatedBotAnswers > 1 && sameBot.count >= o.loop.repeatedBotAnswers) {
			details.push(`bot gave the same answer ${sameBot.count} times`);
			evidence.push(sameBot.text.slice(0, 120));
		}
		const fallbacks = bot.filter((t) => isBotFallback(t.text));
		if (o.loop.repeatedBotAnswers > 1 && fallbacks.length >= o.loop.repeatedBotAnswers && sameBot.count < o.loop.repeatedBotAnswers) {
			details.push(`bot did not understand ${fallbacks.length} times`);
			evidence.push(...fallbacks.map((t) => t.text.slice(0, 120)));
		}
		const sameCustomer = largestRepeat(
			openCustomer.map((t) => t.text),
			o.loop.similarity,
		);
		if (o.loop.customerRepeats > 1 && sameCustomer.count >= o.loop.customerRepeats) {
			details.push(`customer repeated themself ${sameCustomer.count} times`);
			evidence.push(sameCustomer.text.slice(0, 120));
		}
		const botTurns = open.filter((t) => t.role === 'bot').length;
		if (o.loop.maxBotTurns > 0 && botTurns >= o.loop.maxBotTurns) {
			details.push(`${botTurns} bot turns without resolution`);
			evidence.push(`botTurns=${botTurns}`);
		}
		if (details.length) fired.push({ id: 'loop', reason: reason('loop', details.join('; '), evidence), severity: 0 });
	}

	// Low confidence or unknown type.
	if (o.lowConfidence.enabled) {
		const unknown = o.lowConfidence.unknownTypes.map((t) => t.trim().toLowerCase()).filter(Boolean);
		if (inq.confidence !== undefined && inq.confidence < o.lowConfidence.threshold) {
			fired.push({
				id: 'low_confidence',
				reason: reason('low_confidence', `classification confidence ${inq.confidence} below ${o.lowConfidence.threshold}`, inq.confidence),
				severity: 0,
			});
		} else if (inq.type && unknown.includes(inq.type.toLowerCase())) {
			fired.push({ id: 'low_confidence', reason: reason('low_confidence', `type "${inq.type}" is not one the bot handles`, inq.type), severity: 0 });
		}
	}

	// Repeat contact within the period counted upstream.
	if (o.repeatContact.enabled && input.recentContacts !== undefined && input.recentContacts >= o.repeatContact.minContacts) {
		fired.push({
			id: 'repeat_contact',
			reason: reason('repeat_contact', `${input.recentContacts} contacts in the period (threshold ${o.repeatContact.minContacts})`, input.recentContacts),
			severity: 0,
		});
	}

	// The bot or its LLM failing.
	if (o.botFailure.enabled) {
		const evidence: string[] = [];
		const flag = truthyError(input.botError);
		if (flag) evidence.push(`botError: ${flag}`);
		for (const t of open) {
			if (t.role !== 'bot') continue;
			if (t.error) evidence.push(`bot turn error${t.text.trim() ? `: ${t.text.slice(0, 80)}` : ''}`);
			else if (!t.text.trim()) evidence.push('empty bot answer');
		}
		if (evidence.length) {
			fired.push({ id: 'bot_failure', reason: reason('bot_failure', 'the bot or its LLM failed', [...new Set(evidence)]), severity: 1 });
		}
	}
	return { fired, humanRequests };
}

export interface SummaryProvider {
	/** Returns a summary, or throws; a failure falls back to the extractive summary flagged degraded. */
	(request: { transcript: Array<{ role: string; text: string }>; language: Language; reasons: string[] }): Promise<string>;
}

export interface DecideContext {
	now: Date;
	/** Optional LLM summary (only for a new handoff). */
	summarize?: SummaryProvider;
}

function addMinutes(d: Date, minutes: number): string {
	return new Date(d.getTime() + minutes * 60_000).toISOString();
}

export async function decideEscalation(input: EscalationInput, o: EscalationOptions, ctx: DecideContext): Promise<Escalation> {
	const now = ctx.now;
	if (Number.isNaN(now.getTime())) throw new Error('Invalid "now" date');
	if (o.workingHours.enabled) checkWorkingHours(o.workingHours);
	const language: Language = o.language === 'auto' ? detectLanguage(input.turns) : o.language;
	const { fired, humanRequests } = evaluateTriggers(input, o);
	const reasons: Reason[] = [];
	const state = input.state ?? {};
	const alreadyHandedOver = state.handedOver === true;
	const inCooldown = !alreadyHandedOver && typeof state.cooldownUntil === 'string' && new Date(state.cooldownUntil).getTime() > now.getTime();

	let active = fired;
	if (inCooldown) {
		const suppressed = fired.filter((f) => !STRONG.has(f.id));
		active = fired.filter((f) => STRONG.has(f.id));
		if (suppressed.length) {
			reasons.push(
				reason('cooldown', `recent handoff: soft triggers wait until ${state.cooldownUntil}`, suppressed.map((f) => f.id)),
			);
		}
	}
	reasons.unshift(...active.map((f) => f.reason));
	if (alreadyHandedOver) {
		reasons.unshift(reason('handed_over', `conversation is with a person${state.handedOverAt ? ` since ${state.handedOverAt}` : ''}; the bot stays quiet`, state.handedOverAt ?? true));
	}

	const escalate = alreadyHandedOver || active.length > 0;
	const newHandoff = !alreadyHandedOver && active.length > 0;
	const maxSeverity = Math.max(-1, ...active.map((f) => f.severity));
	const vipAndAngry = active.some((f) => f.id === 'vip') && active.some((f) => f.id === 'anger');
	const priority: Priority = !escalate
		? 'low'
		: maxSeverity >= 2 || vipAndAngry
			? 'urgent'
			: maxSeverity === 1 || active.length >= 3
				? 'high'
				: 'normal';
	const type = input.inquiry?.type?.toLowerCase();
	const allowUpsell = !escalate && fired.length === 0 && type !== 'complaint' && type !== 'service_request';

	const humansOnline = input.humansOnline ?? (o.workingHours.enabled ? isOpen(now, o.workingHours) : true);
	const base = {
		escalate,
		newHandoff,
		reasons,
		priority,
		allowUpsell,
		language,
		humanRequests,
		degraded: false,
	};

	if (!escalate) {
		return escalationSchema.parse({
			...base,
			customerReply: null,
			state: { handedOver: false, handedOverAt: state.handedOverAt ?? null, cooldownUntil: state.cooldownUntil ?? null },
		});
	}

	const facts = keyFacts(input.turns, input.contact, {
		segment: input.segment,
		type: input.inquiry?.type,
		vip: input.vip === true || active.some((f) => f.id === 'vip'),
		recentContacts: input.recentContacts,
	});
	const main = REPLY_ORDER.find((id) => active.some((f) => f.id === id));
	const seed = input.turns
		.filter((t) => t.role === 'customer')
		.map((t) => t.text)
		.join('\n');
	const openAt = !humansOnline && o.workingHours.enabled ? nextOpening(now, o.workingHours) : undefined;
	const when = openAt ? describeOpening(openAt, now, o.workingHours, language) : undefined;
	const hoursText = o.workingHours.enabled
		? `${o.workingHours.start}–${o.workingHours.end} (${o.workingHours.timezone})`
		: language === 'ru'
			? 'в рабочее время'
			: 'during working hours';
	if (!humansOnline) reasons.push(reason('after_hours', 'no person online now: honest acknowledgement and a call-back offer', openAt ?? false));

	const details = active.map((f) => f.reason.detail ?? f.id);
	let summary = extractiveSummary(input.turns, facts, details, language);
	let summarySource: 'extractive' | 'llm' = 'extractive';
	let degraded = false;
	const shownTranscript = transcript(input.turns, o.transcriptTurns);
	if (newHandoff && ctx.summarize) {
		try {
			const s = (await ctx.summarize({ transcript: shownTranscript, language, reasons: details })).trim();
			if (!s) throw new Error('empty summary');
			summary = s;
			summarySource = 'llm';
		} catch (error) {
			degraded = true;
			const kind = (error as { kind?: unknown })?.kind;
			reasons.push(reason('llm_summary_failed', 'LLM summary failed; extractive summary used', typeof kind === 'string' ? kind : 'error'));
		}
	}

	const handoff = {
		summary,
		summarySource,
		keyFacts: facts,
		transcript: shownTranscript,
		suggestedFirstReply: suggestedFirstReply(main, language, seed, facts, humansOnline),
		humansOnline,
		callbackOffered: !humansOnline,
		...(openAt ? { nextOpenAt: openAt } : {}),
	};
	return escalationSchema.parse({
		...base,
		degraded,
		customerReply: alreadyHandedOver
			? null
			: customerReply(main, language, seed, humansOnline, { when, hours: hoursText, hasPhone: facts.phones.length > 0 }),
		handoff,
		state: alreadyHandedOver
			? { handedOver: true, handedOverAt: state.handedOverAt ?? null, cooldownUntil: state.cooldownUntil ?? null }
			: { handedOver: true, handedOverAt: now.toISOString(), cooldownUntil: addMinutes(now, o.cooldownMinutes) },
	});
}
