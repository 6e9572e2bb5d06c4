// RFC 9110 §5.1 token.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// RFC 9110 §5.5 field-value: visible ASCII, obs-text, space and tab. Anything else, and CR/LF
// above all (header injection), is refused rather than passed to a fetch that may or may not check.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Why a header cannot be sent, or undefined when it can. Never echoes the value (it may be secret). */
export function headerProblem(name: string, value: string): string | undefined {
  if (!HEADER_NAME.test(name)) return 'is not a valid header name';
  if (!HEADER_VALUE.test(value)) {
    return /[\r\n]/.test(value)
      ? 'value contains CR or LF (header injection)'
      : 'value contains a control character or a character outside Latin-1';
  }
  return undefined;
}
