import { brand } from './brand.js';
import { InvalidResponseError, type InvalidResponseInit } from './invalid-response-error.js';
import { formatIssues, type ValidationIssue } from './validation-issue.js';

/**
 * A 2xx response did not match the operation's schema (or was not JSON). The raw payload is kept,
 * so a caller can still read a field the schema did not expect; `validation: 'warn'` returns it
 * instead of throwing.
 */
export class ResponseValidationError extends InvalidResponseError {
  declare readonly issues: readonly ValidationIssue[];
  /** The parsed JSON (or the text, when it was not JSON) exactly as received. */
  declare readonly payload: unknown;

  constructor(
    init: InvalidResponseInit & { issues: readonly ValidationIssue[]; payload: unknown },
  ) {
    const schema = init.operationId ?? 'expected';
    super(`response did not match the ${schema} schema: ${formatIssues(init.issues)}`, init);
    this.issues = init.issues;
    this.payload = init.payload;
  }
}
brand(ResponseValidationError, 'ResponseValidationError');
