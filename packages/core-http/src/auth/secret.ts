import { INSPECT } from '../inspect-symbol.js';
import { REDACTED } from '../url/redact-url.js';

/**
 * A credential that does not leak by accident: the value lives in a private field, and
 * `String()`, template literals, `JSON.stringify`, `console.log` / `util.inspect` (Node, Deno, Bun)
 * all show `REDACTED`. Only {@link Secret.reveal} returns it, at the point of use.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The credential itself; call it only to put it on the wire. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [INSPECT](): string {
    return `Secret(${REDACTED})`;
  }
}
