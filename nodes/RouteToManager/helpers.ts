import type { IExecuteFunctions } from 'n8n-workflow';

import { leadFieldsFrom, type LeadFields } from '../../core/route';

/** The node's configuration lives in core (shared with the CLI): core/route/config.ts. */
export { configFromOptions } from '../../core/route';

export function leadFields(ctx: IExecuteFunctions, i: number): LeadFields {
	const get = (name: keyof LeadFields) => ctx.getNodeParameter(name, i, undefined) as unknown;
	return leadFieldsFrom({
		skillsField: get('skillsField'),
		languageField: get('languageField'),
		segmentField: get('segmentField'),
		priorityField: get('priorityField'),
		ownerField: get('ownerField'),
	});
}
