import { AwsV4Signer } from 'aws4fetch';
import { constantTimeEqual } from '../constant-time.js';
import { StorageRefusal } from '../errors/storage-refusal.js';
import { MAX_PRESIGN_SECONDS } from '../limits.js';

/** Derived signing keys by secret, date, region and service (aws4fetch's cache format). */
const signingKeyCache = new Map<string, ArrayBuffer>();

/** How far ahead of the server's clock `X-Amz-Date` may be: S3 allows 15 minutes of skew. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** S3's time format in error documents: ISO 8601 in whole seconds. */
const s3Time = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `20250630T151527Z` from a time in ms (SigV4's basic ISO 8601, whole seconds). */
export function amzDate(nowMs: number): string {
  return new Date(nowMs).toISOString().replace(/[:-]|\.\d{3}/g, '');
}

/** The time a `X-Amz-Date` stands for, in ms; NaN when malformed. */
export function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return Number.NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

export interface PresignInput {
  /** The URL to sign, with any query parameters of its own (e.g. `partNumber`). */
  readonly url: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  readonly nowMs: number;
  /** Lifetime in seconds, 1 … 604800 (`X-Amz-Expires`). */
  readonly expiresSeconds: number;
  /** Headers the PUT must carry exactly (lower-case names), besides `host`. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface PresignedUrl {
  readonly url: string;
  /** When the URL stops working, epoch ms (the signing time has whole seconds). */
  readonly expiresAtMs: number;
}

/** Presigns a PUT the way the AWS SDKs do (SigV4 query signing, `UNSIGNED-PAYLOAD`). */
export async function presignPut(input: PresignInput): Promise<PresignedUrl> {
  const url = new URL(input.url);
  url.searchParams.set('X-Amz-Expires', String(input.expiresSeconds));
  const datetime = amzDate(input.nowMs);
  const signer = new AwsV4Signer({
    method: 'PUT',
    url: url.toString(),
    headers: input.headers ?? {},
    accessKeyId: input.accessKeyId,
    secretAccessKey: input.secretAccessKey,
    service: 's3',
    region: input.region,
    datetime,
    signQuery: true,
    cache: signingKeyCache,
    // aws4fetch leaves content-type/content-length unsigned by default; S3 presigning signs
    // whatever the caller lists, and Cadenya lists both.
    allHeaders: true,
  });
  const signed = await signer.sign();
  return {
    url: signed.url.toString(),
    expiresAtMs: parseAmzDate(datetime) + input.expiresSeconds * 1000,
  };
}

export interface VerifyInput {
  readonly method: string;
  /** The request URL as received, with the `Host` header as its host. */
  readonly url: URL;
  /** Reads a request header (case-insensitive); undefined when absent. */
  readonly header: (name: string) => string | undefined;
  /** Signing keys by access key id. */
  readonly secrets: ReadonlyMap<string, string>;
  readonly nowMs: number;
}

export interface VerifiedRequest {
  readonly signedHeaders: readonly string[];
  readonly expiresAtMs: number;
}

const REQUIRED = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Signature',
  'X-Amz-Date',
  'X-Amz-SignedHeaders',
  'X-Amz-Expires',
] as const;

const queryParamsError = (message: string) =>
  new StorageRefusal(400, 'AuthorizationQueryParametersError', message);

/**
 * Checks a presigned request as S3 does: the query's parameters, the access key, the signing time
 * (not more than {@link MAX_CLOCK_SKEW_MS} ahead) and the expiry, then
 * the signature, recomputed with the secret over the request as received (method, path, query,
 * and the headers listed in `X-Amz-SignedHeaders`).
 * @throws StorageRefusal
 */
export async function verifyPresignedRequest(input: VerifyInput): Promise<VerifiedRequest> {
  const query = input.url.searchParams;
  if (!REQUIRED.some((name) => query.has(name))) {
    throw new StorageRefusal(403, 'AccessDenied', 'Access Denied');
  }
  if (!REQUIRED.every((name) => query.has(name))) {
    throw queryParamsError(
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  const get = (name: (typeof REQUIRED)[number]) => query.get(name) ?? '';
  if (get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') {
    throw queryParamsError('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  }
  const credential = get('X-Amz-Credential').split('/');
  const [accessKeyId, scopeDate, region, service, terminator] = credential;
  if (credential.length !== 5 || service !== 's3' || terminator !== 'aws4_request') {
    throw queryParamsError(
      'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
    );
  }
  const datetime = get('X-Amz-Date');
  const signedAt = parseAmzDate(datetime);
  if (Number.isNaN(signedAt) || datetime.slice(0, 8) !== scopeDate) {
    throw queryParamsError(
      "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\" and match the credential's date",
    );
  }
  const expiresText = get('X-Amz-Expires');
  const expires = /^\d+$/.test(expiresText) ? Number(expiresText) : Number.NaN;
  if (!(expires >= 0)) throw queryParamsError('X-Amz-Expires should be a number');
  if (expires > MAX_PRESIGN_SECONDS) {
    throw queryParamsError(
      `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGN_SECONDS} seconds`,
    );
  }
  const secret = input.secrets.get(accessKeyId ?? '');
  if (secret === undefined) {
    throw new StorageRefusal(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    );
  }
  const expiresAtMs = signedAt + expires * 1000;
  if (signedAt - input.nowMs > MAX_CLOCK_SKEW_MS) {
    // S3's document has these elements, X-Amz-Date in epoch ms.
    throw new StorageRefusal(403, 'AccessDenied', 'Request is not yet valid', {
      'X-Amz-Date': String(signedAt),
      Expires: s3Time(expiresAtMs),
      ServerTime: s3Time(input.nowMs),
    });
  }
  if (input.nowMs > expiresAtMs) {
    throw new StorageRefusal(403, 'AccessDenied', 'Request has expired', {
      'X-Amz-Expires': expiresText,
      Expires: new Date(expiresAtMs).toISOString(),
      ServerTime: new Date(input.nowMs).toISOString(),
    });
  }

  const signedHeaders = get('X-Amz-SignedHeaders').split(';');
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    // A signed header the request lacks is signed as empty, so the signatures differ, as on S3.
    if (name !== 'host') headers[name] = input.header(name) ?? '';
  }
  const unsigned = new URL(input.url);
  unsigned.searchParams.delete('X-Amz-Signature');
  const signer = new AwsV4Signer({
    method: input.method,
    url: unsigned.toString(),
    headers,
    accessKeyId: accessKeyId!,
    secretAccessKey: secret,
    service: 's3',
    region: region!,
    datetime,
    signQuery: true,
    cache: signingKeyCache,
    allHeaders: true,
  });
  if (
    signer.signedHeaders !== get('X-Amz-SignedHeaders') ||
    !constantTimeEqual(await signer.signature(), get('X-Amz-Signature'))
  ) {
    throw new StorageRefusal(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  }
  return { signedHeaders, expiresAtMs };
}
