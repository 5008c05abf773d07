import type { INodeProperties } from 'n8n-workflow';

/**
 * Parameters that every node of the pack shows the same way (like DataTable's common/ fields), so a
 * user meets one wording across Classify, Dedupe, Segment, Route and Escalate.
 */

/** "Output Key": the field of each output item that receives the node's result object. */
export function outputKeyField(defaultKey: string): INodeProperties {
	return {
		displayName: 'Output Key',
		name: 'outputKey',
		type: 'string',
		default: defaultKey,
		description:
			'Field of each output item that receives the result object; the item keeps all its input fields',
	};
}
