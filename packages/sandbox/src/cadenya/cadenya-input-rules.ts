import { CadenyaRpcError } from '../errors/cadenya-rpc-error.js';
import { MAX_PUT_BYTES } from '../limits.js';
import { GrpcCode } from './grpc-code.js';

/** An INVALID_ARGUMENT error (gRPC 3 → 400). */
export const invalidArgument = (message: string) =>
  new CadenyaRpcError(GrpcCode.INVALID_ARGUMENT, message);

const LABEL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/**
 * `ResourceMetadata` as a create needs it: a name, and labels as Cadenya's document describes them
 * (values 0-63 characters, keys optionally prefixed).
 * @throws CadenyaRpcError INVALID_ARGUMENT
 */
export function checkMetadata(meta: {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>> | undefined;
}): void {
  if (meta.name === '') throw invalidArgument('invalid metadata.name: value is required');
  for (const [key, value] of Object.entries(meta.labels ?? {})) {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    const keyOk =
      LABEL_NAME.test(name) &&
      (prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix)));
    if (!keyOk) throw invalidArgument(`invalid metadata.labels: bad key "${key}"`);
    if (value !== '' && !LABEL_NAME.test(value)) {
      throw invalidArgument(`invalid metadata.labels: bad value for "${key}"`);
    }
  }
}

/**
 * `UploadSpec`: a filename, a content type, and a decimal size S3 can take in one PUT.
 * @returns the size in canonical decimal form
 * @throws CadenyaRpcError INVALID_ARGUMENT
 */
export function checkUploadSpec(spec: {
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: string;
}): string {
  if (spec.filename === '') throw invalidArgument('invalid spec.filename: value is required');
  if (spec.contentType === '') throw invalidArgument('invalid spec.contentType: value is required');
  if (!/^\d+$/.test(spec.sizeBytes) || +spec.sizeBytes < 1 || +spec.sizeBytes > MAX_PUT_BYTES) {
    throw invalidArgument(
      `invalid spec.sizeBytes: must be a decimal integer from 1 to ${MAX_PUT_BYTES}`,
    );
  }
  return String(Number(spec.sizeBytes));
}

/**
 * `MemoryEntrySpec.key`: S3-safe characters, no leading, trailing or doubled `/`, no reserved
 * prefix.
 * @throws CadenyaRpcError INVALID_ARGUMENT
 */
export function checkEntryKey(key: string): void {
  if (
    key === '' ||
    !/^[A-Za-z0-9!\-_.*'()/]+$/.test(key) ||
    key.startsWith('/') ||
    key.endsWith('/') ||
    key.includes('//')
  ) {
    throw invalidArgument(
      `invalid spec.key "${key}": use S3 object-key safe characters, without leading, trailing or doubled "/"`,
    );
  }
  if (key.startsWith('cadenya/') || key.startsWith('system/')) {
    throw invalidArgument(
      `invalid spec.key "${key}": the prefixes "cadenya/" and "system/" are reserved`,
    );
  }
}
