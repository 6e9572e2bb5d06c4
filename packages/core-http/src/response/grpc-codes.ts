// google.rpc.Code names by number (https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto),
// trimmed to the codes a gRPC-to-HTTP gateway (Cadenya's) answers with: the others stay numbers.
const GRPC_CODE_NAMES =
  ',,UNKNOWN,INVALID_ARGUMENT,DEADLINE_EXCEEDED,NOT_FOUND,ALREADY_EXISTS,PERMISSION_DENIED,RESOURCE_EXHAUSTED,FAILED_PRECONDITION,,,,INTERNAL,UNAVAILABLE,,UNAUTHENTICATED'.split(
    ',',
  );

/** `5` → `NOT_FOUND`; other numbers stay numbers (as a string). */
export function grpcCodeName(code: number): string {
  return GRPC_CODE_NAMES[code] || String(code);
}
