import { brand } from './brand.js';
import { requestPrefix, UpkitError } from './upkit-error.js';
import { formatIssues, type ValidationIssue } from './validation-issue.js';

/**
 * A 2xx response did not match the operation's schema (or was not JSON). The raw payload is kept,
 * so a caller can still read a field the schema did not expect; `validation: 'warn'` returns it
 * instead of throwing.
 */
export class ResponseValidationError extends UpkitError {
  declare readonly issues: readonly ValidationIssue[];
  /** The parsed JSON (or the text, when it was not JSON) exactly as received. */
  declare readonly payload: unknown;
  declare readonly status: number;
  declare readonly method: string;
  /** Redacted URL. */
  declare readonly url: string;
  declare readonly operationId: string | undefined;
  declare readonly requestId: string | undefined;

  constructor(init: {
    issues: readonly ValidationIssue[];
    payload: unknown;
    status: number;
    method: string;
    url: string;
    operationId?: string | undefined;
    requestId?: string | undefined;
  }) {
    const { operationId, requestId } = init;
    super(
      `${requestPrefix(init.method, init.url)}${init.status}: response did not match the ${
        operationId ?? 'expected'
      } schema: ${formatIssues(init.issues)}${requestId ? ` (request id: ${requestId})` : ''}`,
    );
    Object.assign(this, init);
    this.operationId = operationId;
    this.requestId = requestId;
  }
}
brand(ResponseValidationError, 'ResponseValidationError');
