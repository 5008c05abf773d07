import type { Command } from './index';

export const escalate: Command = {
	summary: '(not available yet)',
	async run() {
		process.stderr.write('inquiry-router escalate: this capability is not available yet\n');
		return 3;
	},
};
