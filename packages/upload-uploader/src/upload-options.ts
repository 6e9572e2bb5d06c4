import type { RetryBudget } from '@upkit/core-http';
import type { UploadProgress } from './progress/upload-progress.js';
import type { ResumeToken } from './resume/resume-token.js';
import type { ResumeTokenStore } from './resume/token-store.js';
import type { SizeInput } from './size/parse-size.js';
import type { UrlRefreshEvent } from './targets/upload-target.js';
import type { PartLimiter } from './transfer/part-limiter.js';
import type { PartTransport } from './transfer/part-transport.js';
import type { PartEvents } from './transfer/transfer-parts.js';

/** Options of `upload()`. */
export interface UploadOptions extends PartEvents {
  /**
   * Parts in flight at once (multipart targets). Memory holds at most `concurrency × partSize`
   * bytes of the file.
   * @default 4
   */
  concurrency?: number | undefined;
  /**
   * Bytes per part (Scenario): a number or a string such as `'16MiB'`. At least 5 MiB, and large
   * enough to fit the file in 10,000 parts.
   * @default 8 MiB, grown in whole MiB for files over ~78 GiB
   */
  partSize?: SizeInput | undefined;
  /** The file name the API records. @default the source's name (a path's base name, a `File`'s name) */
  name?: string | undefined;
  /**
   * The media type. @default the source's own type, then the file extension, then the first
   * bytes (PNG, JPEG, GLB, ZIP, PDF, MP4, WAV…), then `application/octet-stream`
   */
  contentType?: string | undefined;
  /** The size of a stream source given without one, in bytes. */
  size?: number | undefined;
  /** Stops every PUT in flight at once; the upload rejects with `UploadAbortedError`. */
  signal?: AbortSignal | undefined;
  /** Throttled progress: at most ~10 events a second, plus a final one at exactly `total`. */
  onProgress?: ((progress: UploadProgress) => void) | undefined;
  /** A part URL was signed afresh, or a Cadenya upload replaced after its URL expired. */
  onUrlRefresh?: ((event: UrlRefreshEvent) => void) | undefined;
  /** The resume token, each time it changes (after the create, after each part): store it to resume after a crash. */
  onResumeToken?: ((token: ResumeToken) => void) | undefined;
  /** Go on with an earlier upload: only its missing parts are sent. The token object or its JSON. */
  resume?: ResumeToken | string | undefined;
  /**
   * What to do when `resume` names an upload that cannot go on (no longer pending) or a different
   * file: `error` raises `StaleResumeTokenError` / `ResumeTokenMismatchError`; `restart` uploads
   * from scratch.
   * @default 'error'
   */
  onStale?: 'error' | 'restart' | undefined;
  /**
   * Retries per part after the first attempt (5xx, 408, 429, resets, stalls). An expired URL is
   * re-signed without counting.
   * @default 5
   */
  maxRetries?: number | undefined;
  /** @default 500 */
  initialRetryDelayMs?: number | undefined;
  /** @default 20000 */
  maxRetryDelayMs?: number | undefined;
  /**
   * The retry allowance shared by every part of every upload that uses it.
   * @default one budget shared by all uploads of this process
   */
  retryBudget?: RetryBudget | undefined;
  /**
   * An attempt with no byte moving and no answer for this long is cut and retried.
   * @default 30000
   */
  stallTimeoutMs?: number | undefined;
  /**
   * Check each ETag storage answers with against the MD5 of the part sent (a mismatch is
   * `ChecksumMismatchError`, retried). The MD5 costs ~1.5 CPU s per GiB: on a machine whose cores
   * are busy, `false` sends faster (see the README's figures). The sha256 is computed either way.
   * @default true
   */
  verifyEtags?: boolean | undefined;
  /**
   * Keeps the resume token under a key made of the target and the file's fingerprint
   * (`createFileTokenStore(dir)` in Node, or your own). A later upload of the same file to the
   * same place goes on with its missing parts; a token that no longer fits (the upload expired or
   * completed) is replaced by a new upload; a finished upload deletes its token. An explicit
   * `resume` wins over the store.
   */
  tokenStore?: ResumeTokenStore | undefined;
  /** A `tokenStore` call failed (the upload goes on: its outcome never depends on the store). */
  onTokenStoreError?: ((error: unknown) => void) | undefined;
  /**
   * A limit on parts in flight shared with other uploads (`createPartLimiter(n)`): memory then
   * holds at most `n × partSize` across all of them. `concurrency` still caps this upload.
   */
  partLimiter?: PartLimiter | undefined;
  /** How part bodies are sent. @default node:http in Node, fetch elsewhere */
  transport?: PartTransport | undefined;
}

/** What `upload()` resolves to. */
export interface UploadResult<TUpload> {
  readonly target: 'scenario' | 'cadenya';
  /** The final upload, as the API reports it once it has processed the file. */
  readonly upload: TUpload;
  readonly uploadId: string;
  readonly bytes: number;
  /** sha256 (hex) of the bytes sent, computed while sending. */
  readonly sha256: string;
  readonly contentType: string;
  readonly parts: number;
  readonly durationMs: number;
  /** Attempts repeated after a failure (expired URLs not included). */
  readonly retries: number;
  /** URLs signed afresh, and Cadenya uploads replaced. */
  readonly urlRefreshes: number;
  /** Parts storage already had from an earlier run (0 unless resumed). */
  readonly resumedParts: number;
  /** The last token: it names a completed upload, so resuming it is refused as stale. */
  readonly resumeToken: ResumeToken;
}
