/** The request id a server (or S3, or an AWS gateway in front of it) put in the headers. */
export function requestIdFromHeaders(headers: Headers): string | undefined {
  for (const name of ['x-request-id', 'x-amzn-requestid', 'x-amz-request-id', 'request-id']) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}
