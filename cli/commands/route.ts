import type { Command } from './index';

export const route: Command = {
	summary: '(not available yet)',
	async run() {
		process.stderr.write('inquiry-router route: this capability is not available yet\n');
		return 3;
	},
};
