import type { Abc } from '../../core/segment/schema';
import { DEFAULTS, DEFAULTS_V1_1 } from '../../core/segment/config';

/** Top-level parameters the node reads (by internal name); `rules` and `options` are nested. */
export const PARAMETER_NAMES = [
	'mode',
	'valueField',
	'abcRule',
	'aThreshold',
	'bThreshold',
	'topPercentA',
	'topPercentB',
	'xyz',
	'seriesField',
	'xThreshold',
	'yThreshold',
	'hysteresis',
	'previousSegmentField',
	'hysteresisMargin',
	'rollUp',
	'rollUpField',
	'rules',
	'scoreA',
	'scoreB',
	'storedSegmentField',
	'outputPerSegment',
	'options',
] as const;

/**
 * Collects the node's parameters into the plain object core/segment/config.ts validates (the same
 * shape as the CLI's --config file). `get` is getNodeParameter bound to one item.
 */
export function collectParameters(get: (name: string, fallback: unknown) => unknown, version = 1): Record<string, unknown> {
	const params: Record<string, unknown> = {};
	const defaults = (version >= 1.1 ? DEFAULTS_V1_1 : DEFAULTS) as Record<string, unknown>;
	for (const name of PARAMETER_NAMES) {
		const fallback = name === 'rules' || name === 'options' ? {} : defaults[name];
		const value = get(name, fallback);
		if (value !== undefined) params[name] = value;
	}
	return params;
}

/** Output index of a segment: A → 0, B → 1, C → 2 with one output per segment; 0 otherwise. */
export function outputIndex(segment: Abc, perSegment: boolean): number {
	if (!perSegment) return 0;
	return segment === 'A' ? 0 : segment === 'B' ? 1 : 2;
}

/** True when the raw (unevaluated) `value` parameter is set: then it wins over Value Field. */
export function valueParameterSet(raw: unknown): boolean {
	if (raw === undefined || raw === null) return false;
	if (typeof raw === 'string') return raw.trim() !== '' && raw.trim() !== '=';
	return true;
}
