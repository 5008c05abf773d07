/**
 * The evidence of a comparison: Evidence, Comparison, and the reusable EvidenceTally that gathers
 * weights without building objects until a Comparison is asked for.
 */

export type Outcome = 'equal' | 'similar' | 'initial' | 'different' | 'shared';

/** One field's contribution to a match decision. */
export interface Evidence {
	field: string;
	outcome: Outcome;
	weight: number;
	/** The normalised value on this side and on the other side (when they differ). */
	value?: string;
	other?: string;
}

export interface Comparison {
	/** Sum of evidence weights, in bits. */
	weight: number;
	evidence: Evidence[];
	/**
	 * True when something besides the names agrees (an identity, date of birth, address, postcode)
	 * and no personal detail disagrees: a different first name, patronymic or date of birth is
	 * strong evidence against (a family shares its e-mail, phone and address), which only an equal
	 * personal INN outvotes. Uncorroborated pairs are at most `review`.
	 */
	corroborated: boolean;
	/** A fact that rules out the same person (different personal INN). */
	conflict: boolean;
	/** Same company (shared switchboard phone, organisation INN, role mailbox, company name) without a person match. */
	companyLink?: { via: 'phone' | 'inn' | 'email' | 'company'; value: string };
}

/**
 * The evidence of one comparison as it is gathered: weights are summed in the order they are
 * added (the order of Comparison.evidence), and the Evidence objects are built only when asked
 * for. Clustering scores every candidate pair with one reused tally and builds the Comparison only
 * for the pairs it keeps (duplicate, review or company links): most pairs in a name block are
 * plainly different people, and their evidence would be garbage at once.
 */
export class EvidenceTally {
	/** Number of evidence entries. */
	n = 0;
	/** Sum of their weights, in order. */
	sum = 0;
	corroborated = false;
	conflict = false;
	/**
	 * A personal detail disagrees: a different first name (or initial), patronymic or date of birth.
	 * Such a pair is never corroborated unless the personal INN agrees, and its review link never
	 * supports joining clusters (cluster.ts).
	 */
	against = false;
	companyVia: 'phone' | 'inn' | 'email' | 'company' | undefined = undefined;
	companyValue = '';
	private readonly fields: string[] = [];
	private readonly outcomes: Outcome[] = [];
	private readonly weights: number[] = [];
	private readonly values: Array<string | undefined> = [];
	private readonly others: Array<string | undefined> = [];

	reset(): void {
		this.n = 0;
		this.sum = 0;
		this.corroborated = false;
		this.conflict = false;
		this.against = false;
		this.companyVia = undefined;
		this.companyValue = '';
	}

	/** One evidence entry; `value` and `other` are left out of the Evidence when undefined. */
	add(field: string, outcome: Outcome, weight: number, value?: string, other?: string): void {
		const i = this.n++;
		this.fields[i] = field;
		this.outcomes[i] = outcome;
		this.weights[i] = weight;
		this.values[i] = value;
		this.others[i] = other;
		this.sum += weight;
	}

	/** The first company link found wins. */
	link(via: 'phone' | 'inn' | 'email' | 'company', value: string): void {
		if (this.companyVia !== undefined) return;
		this.companyVia = via;
		this.companyValue = value;
	}

	/** True when some evidence outside `fields` has a positive weight. */
	agreesBesides(fields: ReadonlySet<string>): boolean {
		for (let i = 0; i < this.n; i++)
			if (this.weights[i] > 0 && !fields.has(this.fields[i])) return true;
		return false;
	}

	/** Sum of evidence weights in bits, rounded to 0.01 (Comparison.weight). */
	get weight(): number {
		return Math.round(this.sum * 100) / 100;
	}

	evidence(): Evidence[] {
		const out: Evidence[] = new Array(this.n);
		for (let i = 0; i < this.n; i++) {
			const field = this.fields[i];
			const outcome = this.outcomes[i];
			const weight = this.weights[i];
			const value = this.values[i];
			const other = this.others[i];
			// One literal per combination: value and other are left out when undefined.
			if (value === undefined)
				out[i] =
					other === undefined ? { field, outcome, weight } : { field, outcome, weight, other };
			else
				out[i] =
					other === undefined
						? { field, outcome, weight, value }
						: { field, outcome, weight, value, other };
		}
		return out;
	}

	comparison(): Comparison {
		const result: Comparison = {
			weight: this.weight,
			evidence: this.evidence(),
			corroborated: this.corroborated,
			conflict: this.conflict,
		};
		// A company link is reported only when the two are not the same person.
		if (this.companyVia !== undefined)
			result.companyLink = { via: this.companyVia, value: this.companyValue };
		return result;
	}
}
