export { createLlmClient, extractJsonText, LLM_DEFAULTS, parseStructured, scrubSecret, toLlmError } from './client';
export type { LlmClient, LlmClientConfig, StructuredOutputMode, StructuredRequest } from './client';
export { isLlmError, LlmError } from './errors';
export type { LlmErrorIssue, LlmErrorKind } from './errors';
export { llmClientConfig, llmClientFromCredential } from './credential';
export type { LlmOptionsParam } from './credential';
