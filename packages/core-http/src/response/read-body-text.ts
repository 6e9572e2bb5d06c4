/** A body read up to a limit: `complete` is false when the rest was left unread. */
export interface BodyText {
  readonly text: string;
  readonly complete: boolean;
}

/**
 * Reads a body as UTF-8 text, at most `limit` bytes of it. A `content-length` over the limit is
 * refused before reading anything; otherwise the stream is read until it ends or passes the limit,
 * and then cancelled, so that a server cannot make the client buffer without bound. A compressed
 * body is counted after decompression (its `content-length` is the compressed size).
 */
export async function readBodyText(response: Response, limit: number): Promise<BodyText> {
  const { body, headers } = response;
  if (!body) return { text: '', complete: true };
  const declared = Number(headers.get('content-length') ?? NaN);
  if (declared > limit) {
    await body.cancel().catch(() => {});
    return { text: '', complete: false };
  }
  const encoding = headers.get('content-encoding');
  // The common case, a small body of known length: the runtime's own reader.
  if (declared <= limit && (!encoding || encoding === 'identity')) {
    return { text: await response.text(), complete: true };
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), complete: true };
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => {});
      const kept = value.subarray(0, value.byteLength - (size - limit));
      // `stream: true` and no flush: a character cut in two at the limit is dropped, not mangled.
      return { text: text + decoder.decode(kept, { stream: true }), complete: false };
    }
    text += decoder.decode(value, { stream: true });
  }
}
