/**
 * A problem with one input value that the user can fix: names the field and says what is wrong.
 * Node adapters turn it into n8n's NodeOperationError with the item index; the CLI prints it.
 */
export class InputError extends Error {
	readonly field: string;

	readonly hint?: string;

	constructor(field: string, message: string, hint?: string) {
		super(message);
		this.name = 'InputError';
		this.field = field;
		this.hint = hint;
	}
}

export function isInputError(error: unknown): error is InputError {
	return error instanceof InputError;
}
