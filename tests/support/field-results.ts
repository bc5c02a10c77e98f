import type { FieldError, FieldResult } from '../../src/lib/domain/validation';

/** The parsed value, or the test fails saying which error came instead. */
export const value = <T>(result: FieldResult<T>): T => {
	if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
	return result.value;
};

/** The error, or the test fails saying which value came instead. */
export const error = (result: FieldResult<unknown>): FieldError => {
	if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
	return result.error;
};

/** A file upload, which no text field accepts. */
export const file = () => new File(['x'], 'x.txt');
