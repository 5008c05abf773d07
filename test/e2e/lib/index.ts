/** The e2e harness's public surface (documented in test/e2e/README.md). Suites import from here. */
export { HttpError, N8nApi, newOwner } from './api';
export type {
	DataTable,
	DataTableColumn,
	ExecutionRecord,
	HttpResult,
	NodeTypeDescription,
	Owner,
	WebhookOptions,
	WorkflowRecord,
} from './api';
export { lateContext, startE2E, stopE2E } from './context';
export type { E2EContext, StartE2EOptions } from './context';
export { ensureN8nEnv } from './env';
export type { N8nEnv } from './env';
export { freePort, logTail, onSignalCleanup, reapStale, setSignalExitCode, startN8n } from './n8n';
export type { N8nProcess, StartN8nOptions } from './n8n';
export { assertDistBuilt, installPackage, packPackage } from './pack';
export type { PackResult } from './pack';
export { CREDENTIAL_NAMES, NODE_NAMES, PACKAGE_NAME, REPO_ROOT, newRunDir, newTempDir, nodeType, runDirs } from './paths';
export type { NodeName } from './paths';
export {
	dataTablesOf,
	loadFixture,
	loadWorkflow,
	packageNode,
	prepareForImport,
	respondNode,
	setNode,
	splitOutNode,
	webhookChain,
	webhookNode,
	webhooksOf,
} from './workflows';
export type { Connection, WebhookInfo, WorkflowJson, WorkflowNode } from './workflows';

/** What every suite file (test/e2e/suites/NN-name.suite.ts) exports. */
export type RegisterSuite = (ctx: import('./context').E2EContext) => void | Promise<void>;
