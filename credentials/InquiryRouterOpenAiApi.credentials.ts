import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Any OpenAI-compatible endpoint: OpenAI, Azure OpenAI (v1 API), a local Ollama or vLLM, or a
 * GigaChat/YandexGPT-compatible gateway. The test lists the endpoint's models.
 */
export class InquiryRouterOpenAiApi implements ICredentialType {
	name = 'inquiryRouterOpenAiApi';

	displayName = 'Inquiry Router: OpenAI-Compatible API';

	documentationUrl = 'https://github.com/inquiry-router/n8n-nodes-inquiry-router#llm-credential';

	icon = { light: 'file:inquiryRouter.svg', dark: 'file:inquiryRouter.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Key for the endpoint. Local servers that need none accept any value, such as "none".',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.openai.com/v1',
			placeholder: 'http://127.0.0.1:11434/v1',
			description: 'Root of the OpenAI-compatible API, up to and including /v1',
		},
		{
			displayName: 'Organization ID',
			name: 'organization',
			type: 'string',
			default: '',
			description: 'Optional OpenAI organisation ID',
		},
		{
			displayName: 'Extra Header Name',
			name: 'headerName',
			type: 'string',
			default: '',
			placeholder: 'X-Api-Version',
			description: 'Optional header some gateways require',
		},
		{
			displayName: 'Extra Header Value',
			name: 'headerValue',
			type: 'string',
			default: '',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/models',
			method: 'GET',
		},
	};
}
