import { brandClass, brandSymbol, hasBrand } from './brand.js';
import { UpkitError } from './upkit-error.js';
import { formatIssues, type ValidationIssue } from './validation-issue.js';

const BRAND = brandSymbol('ResponseValidationError');

/**
 * A 2xx response did not match the operation's schema (or was not JSON). The raw payload is kept,
 * so a caller can still read a field the schema did not expect; `validation: 'warn'` returns it
 * instead of throwing.
 */
export class ResponseValidationError extends UpkitError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, ResponseValidationError, BRAND, value);
  }

  readonly issues: readonly ValidationIssue[];
  /** The parsed JSON (or the text, when it was not JSON) exactly as received. */
  readonly payload: unknown;
  readonly status: number;
  readonly method: string;
  /** Redacted URL. */
  readonly url: string;
  readonly operationId: string | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    issues: readonly ValidationIssue[];
    payload: unknown;
    status: number;
    method: string;
    url: string;
    operationId?: string | undefined;
    requestId?: string | undefined;
  }) {
    const id = init.requestId ? ` (request id: ${init.requestId})` : '';
    super(
      `${init.method} ${init.url} → ${init.status}: response did not match the ${
        init.operationId ?? 'expected'
      } schema: ${formatIssues(init.issues)}${id}`,
    );
    this.issues = init.issues;
    this.payload = init.payload;
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.operationId = init.operationId;
    this.requestId = init.requestId;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      method: this.method,
      url: this.url,
      operationId: this.operationId,
      requestId: this.requestId,
      issues: this.issues,
    };
  }
}
brandClass(ResponseValidationError, 'ResponseValidationError');
