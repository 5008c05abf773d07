/** The node's configuration lives in core (shared with the CLI): core/escalate/config.ts. */
export { ALL_TRIGGERS, readInput, readParams, resolveNow, splitList, toOptions } from '../../core/escalate/config';
export type { NodeParams } from '../../core/escalate/config';
