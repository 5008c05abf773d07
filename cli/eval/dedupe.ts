/** eval dedupe: filled in when the capability lands. */
export const evaluateDedupe: ((argv: string[]) => Promise<Record<string, unknown>>) | undefined = undefined;
