import type { Comparison } from './compare';
import { scoreOf } from './weights';

export type Decision = 'new' | 'duplicate' | 'review';

export interface Thresholds {
	/** Score at or above which two contacts are the same person (when corroborated). */
	duplicate: number;
	/** Score at or above which a person should look. */
	review: number;
}

/**
 * duplicate: score ≥ duplicate threshold, something besides the names agrees, and nothing rules it out;
 * review: score ≥ review threshold (or a duplicate-level score on names alone);
 * new: otherwise.
 */
export function decide(c: Comparison, t: Thresholds): { decision: Decision; score: number } {
	const score = scoreOf(c.weight);
	if (c.conflict) return { decision: 'new', score };
	if (score >= t.duplicate && c.corroborated) return { decision: 'duplicate', score };
	if (score >= t.review) return { decision: 'review', score };
	return { decision: 'new', score };
}
