import type { Command } from './command';
import { UsageError } from '../io';
import { evaluateClassify } from '../eval/classify';
import { evaluateDedupe } from '../eval/dedupe';

/** Evaluators register here: name → run(file, flags) returning the summary object printed last. */
export type Evaluator = (argv: string[]) => Promise<Record<string, unknown>>;

const evaluators: Record<string, Evaluator | undefined> = {
	classify: evaluateClassify,
	dedupe: evaluateDedupe,
};

export const evaluate: Command = {
	summary: 'measure quality on a labelled JSON Lines file: eval classify|dedupe FILE.jsonl',
	async run(argv) {
		const [task, ...rest] = argv;
		if (!task || !(task in evaluators)) throw new UsageError('usage: inquiry-router eval classify|dedupe FILE.jsonl');
		const evaluator = evaluators[task];
		if (!evaluator) {
			process.stderr.write(`inquiry-router eval ${task}: this capability is not available yet\n`);
			return 3;
		}
		const summary = await evaluator(rest);
		process.stdout.write(`${JSON.stringify(summary)}\n`);
		return 0;
	},
};
