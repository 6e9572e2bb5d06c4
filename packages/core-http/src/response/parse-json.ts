/** The result of {@link parseJsonBody}. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; text: string };

/**
 * Parses a response text as JSON whatever the Content-Type says (servers label JSON `text/plain`
 * and worse); returns the text itself when it is not JSON. An empty body is `undefined`.
 */
export function parseJsonBody(text: string): JsonBody {
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, text };
  }
}
