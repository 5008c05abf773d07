import type { Comparison } from './tally';
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
	return { decision: decisionOf(score, c.conflict, c.corroborated, t), score };
}

/** decide() on the parts of a comparison (score = scoreOf(weight)), without building it. */
export function decisionOf(score: number, conflict: boolean, corroborated: boolean, t: Thresholds): Decision {
	if (conflict) return 'new';
	if (score >= t.duplicate && corroborated) return 'duplicate';
	if (score >= t.review) return 'review';
	return 'new';
}
