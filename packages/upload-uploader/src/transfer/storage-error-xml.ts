/** The `<Code>` and `<Message>` of an S3-style XML error body. */
export function parseStorageError(body: string): { code?: string; message?: string } {
  const code = /<Code>([^<]{1,200})<\/Code>/.exec(body)?.[1];
  const message = /<Message>([^<]{1,500})<\/Message>/.exec(body)?.[1];
  return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
}

/** S3's answer to a presigned URL past its expiry: 403 AccessDenied, "Request has expired". */
export function isExpiredUrlAnswer(status: number, body: string): boolean {
  if (status !== 403) return false;
  const { code, message } = parseStorageError(body);
  return (code === 'AccessDenied' || code === 'ExpiredToken') && /expired/i.test(message ?? '');
}
