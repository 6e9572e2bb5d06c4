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
  return issues.map(({ message, path = [] }) => ({
    message,
    path: [
      ...prefix,
      ...path.map((segment) => {
        const key = typeof segment === 'object' ? segment.key : segment;
        return typeof key === 'symbol' ? String(key) : key;
      }),
    ],
  }));
}

/** `upload.parts[0].url: Invalid URL; …`, capped so that a huge payload cannot flood a message. */
export function formatIssues(issues: readonly ValidationIssue[], max = 5): string {
  const shown = issues.slice(0, max).map(({ message, path }) => {
    let where = '';
    for (const segment of path) {
      where += typeof segment === 'number' ? `[${segment}]` : where ? `.${segment}` : segment;
    }
    return where ? `${where}: ${message}` : message;
  });
  if (issues.length > max) shown.push(`and ${issues.length - max} more`);
  return shown.join('; ');
}
