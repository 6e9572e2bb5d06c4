/**
 * Thrown when the sandbox is about to send a body its own contract (the generated response schema)
 * rejects: a bug in the sandbox, answered as a 500 and logged, never the client's fault.
 */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}
