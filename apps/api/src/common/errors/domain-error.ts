import { ERROR_STATUS, ErrorCode } from './error-codes';

/** An expected failure with a stable code; the exception filter turns it into the one error shape. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown> | Array<Record<string, unknown>>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (code: ErrorCode & `${string}_not_found`, what: string, id: string): DomainError =>
  new DomainError(code, `${what} ${id} was not found`, { id });
