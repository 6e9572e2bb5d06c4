/**
 * Parses a response text as JSON whatever the Content-Type says (servers label JSON `text/plain`
 * and worse); returns the text itself when it is not JSON (valid JSON never parses to its own
 * text). An empty body is `undefined`.
 */
export function parseJsonBody(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
}
