/**
 * Every way an LLM call can fail, as one typed error. Callers (the classify cascade, escalation
 * summaries) catch it and fall back to an offline engine; `kind` becomes the reason detail.
 *
 * Messages are written here, never copied from the server: a provider's error body can echo the
 * API key ("Incorrect API key provided: sk-...") or the customer's text.
 */
export type LlmErrorKind =
	| 'timeout'
	| 'rate_limited'
	| 'server_error'
	| 'invalid_output'
	| 'network'
	| 'auth'
	/** The endpoint refused the request itself (HTTP 400/404/422: unknown model, unsupported response_format). */
	| 'bad_request'
	/** The answer parsed but named a value outside the allowed set (a category that does not exist). */
	| 'unknown_category'
	/** The caller cancelled (n8n execution stopped). */
	| 'aborted';

export interface LlmErrorIssue {
	/** JSON path of the offending value in the model's answer, e.g. ['type'] or ['types', 0, 'type']. */
	path: Array<string | number>;
	/** zod issue code, e.g. 'invalid_enum_value', 'unrecognized_keys', 'invalid_type'. */
	code: string;
	message: string;
}

export class LlmError extends Error {
	readonly kind: LlmErrorKind;

	/** HTTP status when the endpoint answered with one. */
	readonly status?: number;

	/** For invalid_output: what did not fit the schema (paths and codes, no values). */
	readonly issues?: LlmErrorIssue[];

	constructor(kind: LlmErrorKind, message: string, extra: { status?: number; issues?: LlmErrorIssue[] } = {}) {
		super(message);
		this.name = 'LlmError';
		this.kind = kind;
		if (extra.status !== undefined) this.status = extra.status;
		if (extra.issues !== undefined) this.issues = extra.issues;
	}
}

export function isLlmError(error: unknown): error is LlmError {
	return error instanceof LlmError;
}
