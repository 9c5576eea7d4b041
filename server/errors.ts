// Typed domain errors. Services throw these; only the HTTP error mapper (server/http) turns them
// into a status and the one JSON error shape, and only the CLI turns them into exit code 2.

export class DomainError extends Error {
  constructor(
    /** Machine-readable code, sent as error.code: "invalid_input", "not_found", … */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The user's input is wrong (bad file, unpaired line, empty text…): HTTP 400/422, CLI exit 2. */
export class InvalidInputError extends DomainError {
  override name = 'InvalidInputError';
  constructor(
    message: string,
    /** 1-based line number of the offending input line, when there is one. */
    readonly line?: number,
    code = 'invalid_input',
  ) {
    super(code, line === undefined ? message : `line ${line}: ${message}`);
  }
}

/** Input too large to accept: HTTP 413. */
export class TooLargeError extends DomainError {
  override name = 'TooLargeError';
  constructor(message: string) {
    super('too_large', message);
  }
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super('not_found', message);
  }
}

/** A conflicting write (two different answers for one card, nothing to undo…): HTTP 409. */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
  constructor(message: string, code = 'conflict') {
    super(code, message);
  }
}
