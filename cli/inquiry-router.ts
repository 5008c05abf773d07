/**
 * inquiry-router: try a configuration on historical data before launch, without n8n or a CRM.
 * Each capability reads JSON Lines on stdin and writes JSON Lines on stdout; `eval` measures quality
 * on a labelled file. Offline; no credentials.
 */
import { endQuietlyOnClosedPipe, UsageError } from './io';
import { commands } from './commands';

const USAGE = `usage: inquiry-router <command> [options]

commands:
${Object.entries(commands)
	.map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
	.join('\n')}

Each command reads JSON Lines on stdin and writes JSON Lines on stdout.
--config FILE  a JSON file with the node's parameters (see README, "Command line").`;

async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h') {
		process.stdout.write(`${USAGE}\n`);
		return name ? 0 : 2;
	}
	const command = commands[name];
	if (!command) {
		process.stderr.write(`unknown command "${name}"\n${USAGE}\n`);
		return 2;
	}
	return command.run(rest);
}

endQuietlyOnClosedPipe();
main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`inquiry-router: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = error instanceof UsageError ? 2 : 1;
	},
);
