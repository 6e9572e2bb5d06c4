/**
 * Query parameters (lower-case) that make a URL carry its own authorization: AWS SigV4 and SigV2,
 * Google Cloud Storage V4 and V2, Azure SAS, CloudFront signed URLs.
 */
const SIGNATURE_PARAMS = [
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'awsaccesskeyid',
  'x-goog-signature',
  'x-goog-credential',
  'googleaccessid',
  'signature',
  'sig',
];

/**
 * Whether `url` is presigned: it carries a signature or credential in its query (`X-Amz-Signature`,
 * `X-Goog-Signature`, Azure's `sig`…). Such a URL is its own credential: it never gets a client's
 * auth or default headers (S3 refuses a request with two, and they would leak to storage), and its
 * query string is a secret (see `redactUrl`).
 */
export function isPresignedUrl(url: URL): boolean {
  for (const name of url.searchParams.keys()) {
    if (SIGNATURE_PARAMS.includes(name.toLowerCase())) return true;
  }
  return false;
}
