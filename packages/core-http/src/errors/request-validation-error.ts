import { brand } from './brand.js';
import { UpkitError } from './upkit-error.js';
import { formatIssues, type ValidationIssue } from './validation-issue.js';

/**
 * The request could not be built, so nothing was sent: the body failed the operation's (strict)
 * schema, a path parameter was missing or unusable, a query value could not be written, or a header
 * name/value was invalid (a CR/LF in a header value would allow header injection).
 *
 * Each issue's path starts with where the problem is: `body`, `path`, `query` or `headers`.
 */
export class RequestValidationError extends UpkitError {
  declare readonly issues: readonly ValidationIssue[];
  /** The operation being called, when the request came from `client.request(op)`. */
  declare readonly operationId: string | undefined;

  constructor(
    issues: readonly ValidationIssue[],
    options: { operationId?: string | undefined } = {},
  ) {
    const { operationId } = options;
    super(
      `${operationId ? `${operationId}: invalid` : 'Invalid'} request: ${formatIssues(issues)}`,
    );
    this.issues = issues;
    this.operationId = operationId;
  }
}
brand(RequestValidationError, 'RequestValidationError');
