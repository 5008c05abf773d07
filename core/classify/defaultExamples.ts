import type { TrainingExample } from './types';

/** Team-written default examples (filled below). */
export const DEFAULT_EXAMPLES: TrainingExample[] = [];
