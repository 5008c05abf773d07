import type { Command } from './index';

export const segment: Command = {
	summary: '(not available yet)',
	async run() {
		process.stderr.write('inquiry-router segment: this capability is not available yet\n');
		return 3;
	},
};
