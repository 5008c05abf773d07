import type { Command } from './index';

export const classify: Command = {
	summary: '(not available yet)',
	async run() {
		process.stderr.write('inquiry-router classify: this capability is not available yet\n');
		return 3;
	},
};
