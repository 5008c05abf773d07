/** eval classify: filled in when the capability lands. */
export const evaluateClassify: ((argv: string[]) => Promise<Record<string, unknown>>) | undefined = undefined;
