/** What every subcommand of `inquiry-router` is: a summary for the help and a run that returns the exit code. */
export interface Command {
	summary: string;
	run(argv: string[]): Promise<number>;
}
