import { classify } from './classify';
import { dedupe } from './dedupe';
import { evaluate } from './eval';
import { escalate } from './escalate';
import { route } from './route';
import { segment } from './segment';

import type { Command } from './command';

export type { Command } from './command';

export const commands: Record<string, Command> = { classify, dedupe, segment, route, escalate, eval: evaluate };
