import { config } from '@n8n/node-cli/eslint';

// n8n's community-node config (@n8n/node-cli 0.48.3) applies to everything that ships: nodes/,
// credentials/ and the domain core in core/. Files that never ship in the package's node bundles
// (tests, the command line, benchmarks, scripts/) run under Node directly and need Node's globals and
// built-in modules; see README, "Lint", for each rule switched off here and why.
export default [
	...config,
	{
		files: ['test/**/*.ts', 'cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
		},
	},
	{
		files: ['test/**/*.ts'],
		rules: {
			'@typescript-eslint/no-non-null-assertion': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
		},
	},
];
