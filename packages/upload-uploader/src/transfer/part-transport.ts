/** One PUT of a part's bytes to a presigned URL. */
export interface PutRequest {
  readonly url: string;
  /** Exactly the headers to send (Content-Type; never Authorization). Content-Length is `size`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly size: number;
  /**
   * The bytes, as chunks: a transport that streams pulls the next chunk only once the previous one
   * is on its way (backpressure). Called once per attempt.
   */
  readonly chunks: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** The whole body at once, when it is in memory (what fetch and XHR send). */
  readonly bytes?: Uint8Array | undefined;
  /** The whole body as a Blob slice, when the source is a Blob (sent without being read). */
  readonly blob?: Blob | undefined;
  readonly signal: AbortSignal;
  /** Called as bytes leave, with the total sent so far in this attempt. */
  readonly onSent: (sent: number) => void;
  /** Abort the attempt when no byte moved (and no answer came) for this long. */
  readonly stallTimeoutMs: number;
}

/** What storage answered. */
export interface PutResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The start of the body (error XML), at most 64 KiB. */
  readonly body: string;
}

/**
 * Sends part bodies. Rejects with `APIConnectionError` when no answer came (reset, refused, a body
 * cut short), `PartStallError` after a stall, and the signal's reason when it aborts.
 */
export interface PartTransport {
  /**
   * Whether `chunks()` is what gets sent (Node streams). When not (fetch, XHR), a part is sent as
   * `bytes` or `blob`, and its chunks are read only to be hashed.
   */
  readonly streams: boolean;
  put(request: PutRequest): Promise<PutResponse>;
  /** Lets go of pooled connections. */
  close?(): void;
}

/** How much of an error body is kept. */
export const MAX_ERROR_BODY = 64 * 1024;
