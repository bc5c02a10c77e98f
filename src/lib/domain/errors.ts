/** Named domain errors; routes map them to HTTP answers in one place. */

export class ForbiddenError extends Error {
	constructor(message = 'You may not do this.') {
		super(message);
		this.name = 'ForbiddenError';
	}
}

export class NotFoundError extends Error {
	constructor(what = 'Not found') {
		super(what);
		this.name = 'NotFoundError';
	}
}

/** Someone else saved the row after the user loaded it; their change must not be overwritten. */
export class StaleVersionError extends Error {
	constructor(readonly entity: string) {
		super(`This ${entity} was changed by someone else since you opened it.`);
		this.name = 'StaleVersionError';
	}
}

/** Input that passed the form schema but breaks a rule only the database can check. */
export class ConflictError extends Error {
	constructor(
		readonly field: string,
		readonly messageKey: string
	) {
		super(messageKey);
		this.name = 'ConflictError';
	}
}
