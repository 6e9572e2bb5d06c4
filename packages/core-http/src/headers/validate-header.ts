/**
 * Why a header cannot be sent, or undefined when it can. Names must be RFC 9110 tokens; values may
 * hold visible ASCII, obs-text, space and tab (RFC 9110 §5.5). Anything else, and CR/LF above all
 * (header injection), is refused rather than passed to a fetch that may or may not check. Never
 * echoes the value (it may be secret).
 */
export function headerProblem(name: string, value: string): string | undefined {
  if (!/^[!#$%&'*+.^`|~\w-]+$/.test(name)) return 'is not a valid header name';
  if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) {
    return /[\r\n]/.test(value)
      ? 'value contains CR or LF (header injection)'
      : 'value contains a control or non-Latin-1 character';
  }
  return undefined;
}
