/**
 * Evidence weights, in bits (log2 of how much more likely the observation is for the same person
 * than for two different people). Set from general reasoning about contact data (how rare a shared
 * personal e-mail or mobile is between different people, how often typos occur), never fitted to an
 * evaluation file. Documented in docs/nodes/DedupeContact.md.
 */
export const WEIGHTS = {
	emailEqual: 12,
	emailSimilar: 4,
	emailDifferent: -1,
	roleEmailEqual: 1,
	mobileEqual: 10,
	landlineEqual: 6,
	mobileDifferent: -2,
	sharedPhone: 1,
	telegramEqual: 12,
	telegramDifferent: -1,
	personInnEqual: 14,
	personInnDifferent: -20,
	orgInnEqual: 1,
	companyEqual: 1,
	firstEqual: 5,
	firstSimilar: 2.5,
	firstInitial: 1,
	firstDifferent: -4,
	lastEqual: 6,
	lastSimilar: 3,
	lastDifferent: -5,
	middleEqual: 2,
	middleSimilar: 1,
	middleDifferent: -3,
	swappedOrder: -0.5,
	dobEqual: 9,
	dobNear: 3,
	dobSameYear: -1,
	dobDifferent: -3,
	addressEqual: 5,
	addressSimilar: 3,
	addressDifferent: -1,
	postcodeEqual: 3,
	postcodeSimilar: 1,
	postcodeDifferent: -1,
	cityEqual: 1.5,
	citySimilar: 0.5,
	cityDifferent: -0.5,
} as const;
const W = WEIGHTS;

/**
 * The fields compared on levels of agreement, with the weight of each level (bits, from WEIGHTS):
 * the comparison finds the level, this table gives its weight.
 */
export const LEVEL_WEIGHTS = {
	middleName: { equal: W.middleEqual, similar: W.middleSimilar, different: W.middleDifferent },
	dob: { equal: W.dobEqual, similar: W.dobNear, year: W.dobSameYear, different: W.dobDifferent },
	address: { equal: W.addressEqual, similar: W.addressSimilar, different: W.addressDifferent },
	postcode: { equal: W.postcodeEqual, similar: W.postcodeSimilar, different: W.postcodeDifferent },
	city: { equal: W.cityEqual, similar: W.citySimilar, different: W.cityDifferent },
} as const;

/** Weight at which the match probability is one half (prior odds of a match in a block). */
export const PRIOR_BITS = 10;

/** Match weight (bits) → score in [0, 1]. */
export function scoreOf(weight: number): number {
	return Math.round((1 / (1 + 2 ** -(weight - PRIOR_BITS))) * 10000) / 10000;
}

export const DEFAULT_THRESHOLDS = { duplicate: 0.9, review: 0.5 } as const;
