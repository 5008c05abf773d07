import type { Command } from './index';

export const dedupe: Command = {
	summary: '(not available yet)',
	async run() {
		process.stderr.write('inquiry-router dedupe: this capability is not available yet\n');
		return 3;
	},
};
