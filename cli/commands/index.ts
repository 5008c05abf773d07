import { classify } from './classify';
import { dedupe } from './dedupe';
import { evaluate } from './eval';
import { escalate } from './escalate';
import { route } from './route';
import { segment } from './segment';

export interface Command {
	summary: string;
	run(argv: string[]): Promise<number>;
}

export const commands: Record<string, Command> = { classify, dedupe, segment, route, escalate, eval: evaluate };
