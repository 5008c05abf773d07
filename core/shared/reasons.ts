import { z } from 'zod';

/**
 * Every decision carries reason codes with the evidence that produced them.
 * `code` is a stable machine id (for filters and dashboards); `detail` is for people.
 */
export const reasonSchema = z
	.object({
		code: z.string().min(1),
		detail: z.string().optional(),
		evidence: z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]).optional(),
		weight: z.number().optional(),
	})
	.strict();

export type Reason = z.infer<typeof reasonSchema>;

export function reason(code: string, detail?: string, evidence?: Reason['evidence'], weight?: number): Reason {
	const r: Reason = { code };
	if (detail !== undefined) r.detail = detail;
	if (evidence !== undefined) r.evidence = evidence;
	if (weight !== undefined) r.weight = weight;
	return r;
}
