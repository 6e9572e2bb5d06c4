import type { StandardSchemaV1 } from '../standard-schema.js';

/** One validation problem, with a plain path such as `['upload', 'parts', 0, 'url']`. */
export interface ValidationIssue {
  readonly message: string;
  readonly path: readonly (string | number)[];
}

/** Turns Standard Schema issues (whose path segments may be objects or symbols) into plain ones. */
export function toValidationIssues(
  issues: readonly StandardSchemaV1.Issue[],
  prefix: readonly (string | number)[] = [],
): ValidationIssue[] {
  return issues.map((issue) => ({
    message: issue.message,
    path: [
      ...prefix,
      ...(issue.path ?? []).map((segment) => {
        const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
        return typeof key === 'number' ? key : String(key);
      }),
    ],
  }));
}

/** `upload.parts[0].url: Invalid URL; …`, capped so that a huge payload cannot flood a message. */
export function formatIssues(issues: readonly ValidationIssue[], max = 5): string {
  const shown = issues.slice(0, max).map((issue) => {
    const where = formatPath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = issues.length > max ? `; and ${issues.length - max} more` : '';
  return shown.join('; ') + more;
}

function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  }
  return out;
}
