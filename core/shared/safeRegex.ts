/**
 * A check of user regular expressions for the shape that backtracks catastrophically: a group repeated
 * more than once (*, +, {2,}, {n,m} with m >= 2) whose body can itself match in more than one way
 * (a variable quantifier *, +, ?, {n,m} inside, or an alternation): (a+)+, (\w+\s?)*, (a|aa)+,
 * ((ab)*c)+. Such a pattern can take seconds on 30 characters and doubles with each character more.
 * Deliberately conservative: (?:\d|-)+ is rejected too (write the class [\d-]+). A fixed count inside
 * is fine ((\d{3}-)+). Quadratic shapes (\w*\w*x) pass; callers also bound the text a user pattern reads.
 */

/** User patterns read at most this many characters of a text (Classify's rules read its first 20,000 too). */
export const MAX_USER_PATTERN_CHARS = 20_000;

/** The nested-quantifier problem of a pattern ("(\w+\s?)* at 0"), or undefined when the shape is safe. */
export function nestedQuantifier(source: string): string | undefined {
	interface Frame {
		start: number;
		/** the body can match in more than one way: a variable quantifier or an alternation, at any depth */
		ambiguous: boolean;
	}
	const stack: Frame[] = [{ start: 0, ambiguous: false }];
	let i = 0;
	/** Reads a quantifier at i: its min/max (max Infinity for unbounded) and length, or undefined. */
	const quantifier = (at: number): { min: number; max: number; length: number } | undefined => {
		const c = source[at];
		let q: { min: number; max: number; length: number } | undefined;
		if (c === '*') q = { min: 0, max: Infinity, length: 1 };
		else if (c === '+') q = { min: 1, max: Infinity, length: 1 };
		else if (c === '?') q = { min: 0, max: 1, length: 1 };
		else if (c === '{') {
			const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at, at + 24));
			if (m) {
				const min = Number(m[1]);
				const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
				q = { min, max, length: m[0].length };
			}
		}
		if (q && source[at + q.length] === '?') q.length++; // lazy
		return q;
	};
	while (i < source.length) {
		const c = source[i];
		const top = stack[stack.length - 1];
		let atomEnd = i + 1;
		let closed: Frame | undefined;
		if (c === '\\') {
			atomEnd = i + 2;
		} else if (c === '[') {
			let j = i + 1;
			if (source[j] === '^') j++;
			if (source[j] === ']') j++;
			while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
			atomEnd = j + 1;
		} else if (c === '(') {
			stack.push({ start: i, ambiguous: false });
			i++;
			continue;
		} else if (c === ')') {
			if (stack.length > 1) closed = stack.pop();
		} else if (c === '|') {
			top.ambiguous = true;
			i++;
			continue;
		}
		const q = quantifier(atomEnd);
		const parent = stack[stack.length - 1];
		if (closed) {
			if (q && q.max >= 2 && closed.ambiguous) {
				return `${source.slice(closed.start, atomEnd + q.length)} at ${closed.start}`;
			}
			if (closed.ambiguous) parent.ambiguous = true;
		}
		if (q && q.min !== q.max) parent.ambiguous = true;
		i = atomEnd + (q ? q.length : 0);
	}
	return undefined;
}

/** The message for a rejected pattern, or undefined when it is safe. */
export function unsafePatternMessage(source: string): string | undefined {
	const shape = nestedQuantifier(source);
	if (!shape) return undefined;
	return (
		`nested quantifier ${shape}: a repeated group that can match the same text in several ways backtracks ` +
		'catastrophically (seconds on a few dozen characters). Rewrite it without the repeated group, e.g. ' +
		'^[\\w\\s]*$ for ^(\\w+\\s?)*$, or [\\d-]+ for (?:\\d|-)+'
	);
}
