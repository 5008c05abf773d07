/**
 * Runs nodes through n8n's own execution engine (n8n-core's WorkflowExecute), as a real instance
 * does: parameters are resolved (expressions included), pairedItem is assigned, and the node
 * settings Continue On Fail / error output behave as in the product.
 *
 * A workflow here is: a "Fixture" start node that emits the given items (one list per input of the
 * node under test) → the node under test. runNode() returns every output of the node under test.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

const FIXTURE_TYPE = 'test.fixture';

function fixtureNode(itemsByNode: Map<string, IDataObject[]>): INodeType {
	return {
		description: {
			displayName: 'Fixture',
			name: 'fixture',
			group: ['input'],
			version: 1,
			description: 'Emits the items given to the harness (test only)',
			defaults: { name: 'Fixture' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		} as unknown as INodeType['description'],
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = itemsByNode.get(this.getNode().name) ?? [];
			return [items.map((json) => ({ json: structuredClone(json) }))];
		},
	};
}

export class TestNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>();

	constructor(registered: Record<string, INodeType>, fixtures = new Map<string, IDataObject[]>()) {
		this.types.set(FIXTURE_TYPE, fixtureNode(fixtures));
		for (const [name, type] of Object.entries(registered)) this.types.set(name, type);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const t = this.types.get(nodeType);
		if (!t) throw new Error(`Unknown node type ${nodeType}`);
		return t;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const t = this.getByName(nodeType);
		return 'nodeVersions' in t ? (t as IVersionedNodeType).getNodeType(version) : t;
	}

	getKnownTypes() {
		return {};
	}
}

export interface NodeRunOptions {
	/** n8n type name under which the node is registered, e.g. 'n8n-nodes-inquiry-router.classifyInquiry' */
	type: string;
	nodeType: INodeType;
	parameters: INode['parameters'];
	/** Items for each input of the node under test (input 0, input 1, ...). */
	inputs: IDataObject[][];
	/** 'stop' (default), 'continueRegularOutput' or 'continueErrorOutput' */
	onError?: INode['onError'];
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	typeVersion?: number;
	mode?: WorkflowExecuteMode;
	/** Cancels the execution (as Stop in the editor: the nodes' cancel signal aborts) once this resolves. */
	cancelWhen?: Promise<unknown>;
}

export interface NodeRunResult {
	/** Items on each main output of the node under test (error output last when enabled). */
	outputs: INodeExecutionData[][];
	/** Milliseconds n8n measured for the node under test (its executionTime). */
	executionTime: number;
	/** The error that stopped the run, if any. */
	error?: { message: string; description?: string | null; context?: IDataObject };
	run: IRun;
}

export async function runNode(options: NodeRunOptions): Promise<NodeRunResult> {
	const nodeName = 'Under Test';
	const fixtures = new Map(options.inputs.map((items, i) => [`Fixture ${i}`, items]));
	const nodes: INode[] = options.inputs.map((_items, i) => ({
		id: `fixture-${i}`,
		name: `Fixture ${i}`,
		type: FIXTURE_TYPE,
		typeVersion: 1,
		position: [0, i * 200],
		parameters: {},
	}));
	nodes.push({
		id: 'under-test',
		name: nodeName,
		type: options.type,
		typeVersion: options.typeVersion ?? 1,
		position: [400, 0],
		parameters: options.parameters,
		...(options.onError ? { onError: options.onError } : {}),
		...(options.credentials
			? {
					credentials: Object.fromEntries(
						Object.keys(options.credentials).map((k) => [k, { id: `cred-${k}`, name: k }]),
					),
				}
			: {}),
	});
	const connections = Object.fromEntries(
		options.inputs.map((_, i) => [
			`Fixture ${i}`,
			{ main: [[{ node: nodeName, type: NodeConnectionTypes.Main, index: i }]] },
		]),
	);

	const nodeTypes = new TestNodeTypes({ [options.type]: options.nodeType }, fixtures);
	const workflow = new Workflow({
		id: 'test',
		name: 'test',
		nodes,
		connections,
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1' },
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test',
		name: 'test',
		active: false,
		nodes,
		connections,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let resolveRun: (run: IRun) => void = () => undefined;
	const done = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveRun(fullRunData));

	const credentials = options.credentials ?? {};
	const additionalData = {
		hooks,
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		userId: 'test-user',
		credentialsHelper: {
			getParentTypes: () => [],
			isCredentialUsableByNode: () => true,
			authenticate: async (_c: unknown, _t: unknown, req: unknown) => req,
			preAuthentication: async () => undefined,
			getCredentials: async () => ({}),
			getDecrypted: async (_a: unknown, _n: unknown, type: string) => {
				const data = credentials[type];
				if (!data) throw new Error(`No test credentials for ${type}`);
				return data;
			},
			updateCredentials: async () => undefined,
			updateCredentialsOauthTokenData: async () => undefined,
			getCredentialsProperties: () => [],
		},
		logAiEvent: () => undefined,
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData: IRunExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: nodes
				.filter((n) => n.type === FIXTURE_TYPE)
				.map((node) => ({ node, data: { main: [[{ json: {} }]] }, source: null })),
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;

	const execute = new WorkflowExecute(additionalData, options.mode ?? 'manual', runExecutionData);
	const running = execute.processRunExecutionData(workflow);
	void options.cancelWhen?.then(() => running.cancel());
	await running;
	const run = await done;
	const taskData = run.data.resultData.runData[nodeName]?.[0];
	const err = run.data.resultData.error ?? taskData?.error;
	return {
		outputs: (taskData?.data?.main ?? []).map((o) => o ?? []),
		executionTime: taskData?.executionTime ?? Number.NaN,
		...(err
			? {
					error: {
						message: err.message,
						description: (err as { description?: string | null }).description,
						context: (err as { context?: IDataObject }).context,
					},
				}
			: {}),
		run,
	};
}

export interface WorkflowRunOptions {
	/** Node types by type name (fixtures are registered automatically under 'test.fixture'). */
	types: Record<string, INodeType>;
	/** Items each fixture node emits, by fixture node name (add the fixture nodes to `nodes`). */
	fixtures: Record<string, IDataObject[]>;
	nodes: INode[];
	/** n8n connections: { from: { main: [[{ node, type: 'main', index }]] } } */
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
}

/** A fixture node (emits `fixtures[name]`) for runWorkflow. */
export function fixture(name: string, position: [number, number] = [0, 0]): INode {
	return { id: `fixture-${name}`, name, type: FIXTURE_TYPE, typeVersion: 1, position, parameters: {} };
}

/**
 * Runs a whole workflow of several nodes (a chain through the contract, a lookup feeding a second
 * input) through WorkflowExecute; returns every node's output items by name (all its runs, output by output).
 */
export async function runWorkflow(options: WorkflowRunOptions): Promise<{
	outputs: Record<string, INodeExecutionData[][]>;
	error?: { message: string; node?: string };
	run: IRun;
}> {
	const nodes = options.nodes;
	const nodeTypes = new TestNodeTypes(options.types, new Map(Object.entries(options.fixtures)));
	const workflow = new Workflow({
		id: 'test',
		name: 'test',
		nodes,
		connections: options.connections,
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test',
		name: 'test',
		active: false,
		nodes,
		connections: options.connections,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let resolveRun: (run: IRun) => void = () => undefined;
	const done = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveRun(fullRunData));
	const additionalData = {
		hooks,
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		userId: 'test-user',
		credentialsHelper: {
			getParentTypes: () => [],
			isCredentialUsableByNode: () => true,
			authenticate: async (_c: unknown, _t: unknown, req: unknown) => req,
			preAuthentication: async () => undefined,
			getCredentials: async () => ({}),
			getDecrypted: async () => {
				throw new Error('No test credentials');
			},
			updateCredentials: async () => undefined,
			updateCredentialsOauthTokenData: async () => undefined,
			getCredentialsProperties: () => [],
		},
		logAiEvent: () => undefined,
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
	const starts = nodes.filter((n) => n.type === FIXTURE_TYPE && !Object.values(options.connections).some((c) => c.main.flat().some((t) => t.node === n.name)));
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: starts.map((node) => ({ node, data: { main: [[{ json: {} }]] }, source: null })),
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await done;
	const outputs: Record<string, INodeExecutionData[][]> = {};
	for (const [name, tasks] of Object.entries(run.data.resultData.runData)) {
		// every run of the node (a node fed by two outputs runs once per output), output by output
		const merged: INodeExecutionData[][] = [];
		for (const task of tasks) {
			(task.data?.main ?? []).forEach((o, k) => (merged[k] ??= []).push(...(o ?? [])));
		}
		outputs[name] = merged;
	}
	const err = run.data.resultData.error;
	return { outputs, ...(err ? { error: { message: err.message, node: (err as { node?: { name?: string } }).node?.name } } : {}), run };
}
