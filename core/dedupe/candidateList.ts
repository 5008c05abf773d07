/**
 * Candidates for a match, person or organisation: each parsed by the mode's parser; a bad or anonymous one
 * is skipped and counted, never matched on. `json` keeps each kept candidate's input, in step with `records`.
 */
export function parseCandidateList<R extends { anonymous?: boolean }>(
	list: unknown[],
	parse: (candidate: unknown, index: number) => R,
): { records: R[]; json: unknown[]; skipped: number } {
	const records: R[] = [];
	const json: unknown[] = [];
	let skipped = 0;
	for (const c of list) {
		try {
			const rec = parse(c, records.length);
			if (rec.anonymous) {
				skipped++;
				continue;
			}
			records.push(rec);
			json.push(c);
		} catch {
			skipped++;
		}
	}
	return { records, json, skipped };
}
