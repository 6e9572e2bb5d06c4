const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/** An S3 error document: `<Error><Code>…</Code><Message>…</Message>…<RequestId>…</RequestId></Error>`. */
export function s3ErrorXml(
  code: string,
  message: string,
  requestId: string,
  extra: Readonly<Record<string, string>> = {},
): string {
  const elements = [
    ['Code', code],
    ['Message', message],
    ...Object.entries(extra),
    ['RequestId', requestId],
  ]
    .map(([name, value]) => `<${name}>${escapeXml(value!)}</${name}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${elements}</Error>`;
}
