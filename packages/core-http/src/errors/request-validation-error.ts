import { brandClass, brandSymbol, hasBrand } from './brand.js';
import { UpkitError } from './upkit-error.js';
import { formatIssues, type ValidationIssue } from './validation-issue.js';

const BRAND = brandSymbol('RequestValidationError');

/**
 * The request could not be built, so nothing was sent: the body failed the operation's (strict)
 * schema, a path parameter was missing or unusable, a query value could not be written, or a header
 * name/value was invalid (a CR/LF in a header value would allow header injection).
 *
 * Each issue's path starts with where the problem is: `body`, `path`, `query` or `headers`.
 */
export class RequestValidationError extends UpkitError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, RequestValidationError, BRAND, value);
  }

  readonly issues: readonly ValidationIssue[];
  /** The operation being called, when the request came from `client.request(op)`. */
  readonly operationId: string | undefined;

  constructor(issues: readonly ValidationIssue[], options: { operationId?: string } = {}) {
    const prefix = options.operationId
      ? `${options.operationId}: invalid request`
      : 'Invalid request';
    super(`${prefix}: ${formatIssues(issues)}`);
    this.issues = issues;
    this.operationId = options.operationId;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), operationId: this.operationId, issues: this.issues };
  }
}
brandClass(RequestValidationError, 'RequestValidationError');
