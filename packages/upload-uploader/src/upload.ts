import { ConfigurationError, RetryBudget } from '@upkit/core-http';
import { detectContentType } from './content-type/detect-content-type.js';
import { SNIFF_BYTES } from './content-type/sniff-content-type.js';
import { ConcurrencyError } from './errors/concurrency-error.js';
import { ResumeTokenMismatchError } from './errors/resume-token-mismatch-error.js';
import { StaleResumeTokenError } from './errors/stale-resume-token-error.js';
import { UploadAbortedError } from './errors/upload-aborted-error.js';
import { UploadSizeError } from './errors/upload-size-error.js';
import { attachResumeToken } from './errors/resume-token-of.js';
import type { Platform } from './platform.js';
import { planParts, singlePartPlan, type PartPlan } from './plan/plan-parts.js';
import { ProgressTracker } from './progress/progress-tracker.js';
import {
  fingerprintDifference,
  fingerprintSource,
  type SourceFingerprint,
} from './resume/fingerprint.js';
import { parseResumeToken, type DonePart, type ResumeToken } from './resume/resume-token.js';
import { resumeKey, tokenWriter, type ResumeTokenStore } from './resume/token-store.js';
import { parseSize } from './size/parse-size.js';
import type { UploadInput } from './source/open-source.js';
import type { UploadSource } from './source/upload-source.js';
import type { TargetSession, UploadTarget, UrlRefreshEvent } from './targets/upload-target.js';
import { createPartRetry } from './transfer/create-part-retry.js';
import { transferParts } from './transfer/transfer-parts.js';
import type { UploadOptions, UploadResult } from './upload-options.js';

/** Shared by every upload of this process that is given no budget of its own. */
const processBudget = new RetryBudget();

/** How often in a row one part may meet an expired URL before that counts as its failure. */
const MAX_URL_REFRESHES = 5;

interface Settings {
  readonly concurrency: number;
  readonly partSize: number | undefined;
  readonly maxRetries: number;
  readonly initialRetryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly stallTimeoutMs: number;
  readonly verifyEtags: boolean;
  readonly resume: ResumeToken | undefined;
}

/** Every option checked before the source is opened: bad input never reaches the API. */
function settingsOf(options: UploadOptions): Settings {
  const { concurrency = 4 } = options;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1)
    throw new ConcurrencyError(concurrency);
  const whole = (
    value: number | undefined,
    fallback: number,
    option: string,
    min: number,
  ): number => {
    const v = value ?? fallback;
    if (!Number.isSafeInteger(v) || v < min) {
      throw new ConfigurationError(
        `${option} must be a whole number of at least ${min}, got ${String(v)}`,
        { option },
      );
    }
    return v;
  };
  return {
    concurrency,
    partSize: options.partSize === undefined ? undefined : parseSize(options.partSize, 'partSize'),
    maxRetries: whole(options.maxRetries, 5, 'maxRetries', 0),
    initialRetryDelayMs: whole(options.initialRetryDelayMs, 500, 'initialRetryDelayMs', 0),
    maxRetryDelayMs: whole(options.maxRetryDelayMs, 20_000, 'maxRetryDelayMs', 0),
    stallTimeoutMs: whole(options.stallTimeoutMs, 30_000, 'stallTimeoutMs', 1),
    verifyEtags: options.verifyEtags ?? true,
    resume: options.resume === undefined ? undefined : parseResumeToken(options.resume),
  };
}

function planFor(
  target: UploadTarget<unknown>,
  size: number,
  settings: Settings,
  resume: ResumeToken | undefined,
): PartPlan {
  const { limits } = target;
  if (size === 0 || size > limits.maxSize)
    throw new UploadSizeError({ size, maxSize: limits.maxSize, target: target.name });
  if (!limits.multipart) return singlePartPlan(size);
  const partSize = resume?.partSize ?? settings.partSize;
  return planParts({ size, partSize, minPartSize: limits.minPartSize, maxParts: limits.maxParts });
}

/** Builds `upload()` for a runtime. */
export function createUpload(platform: Platform) {
  /**
   * Uploads a file of any size to a target, and resolves once the API has processed it.
   *
   * Bad input (a missing file, a directory, an empty or oversized file, a bad part size or
   * concurrency, a stream without a size) is refused before any request. Every failure after the
   * upload was created carries `resumeToken`.
   */
  return async function upload<TUpload>(
    target: UploadTarget<TUpload>,
    input: UploadInput,
    options: UploadOptions = {},
  ): Promise<UploadResult<TUpload>> {
    const started = Date.now();
    const settings = settingsOf(options);
    const signal = options.signal ?? new AbortController().signal;
    if (signal.aborted) throw new UploadAbortedError({ reason: signal.reason });
    const source = await platform.openSource(input, options.size, options.name);
    try {
      return await run(target, source, settings, options, signal, started);
    } finally {
      await source.close();
    }
  };

  async function run<TUpload>(
    target: UploadTarget<TUpload>,
    source: UploadSource,
    settings: Settings,
    options: UploadOptions,
    signal: AbortSignal,
    started: number,
  ): Promise<UploadResult<TUpload>> {
    let resume = settings.resume;
    let plan = planFor(target, source.size, settings, resume);
    const name = options.name ?? source.name ?? 'upload';
    const { contentType } = await detectContentType({
      option: options.contentType ?? resume?.contentType,
      sourceType: source.type,
      name: source.name ?? options.name,
      head: () => source.head(SNIFF_BYTES),
    });
    const fingerprint = await fingerprintSource(source, platform.createHasher);
    const store = options.tokenStore;
    const writer = store
      ? tokenWriter(
          store,
          resumeKey(target.name, target.scope, fingerprint, platform.createHasher),
          (error) => options.onTokenStoreError?.(error),
        )
      : undefined;
    // A token found in the store resumes; one that no longer fits is replaced by a new upload.
    let fromStore = false;
    if (store && !resume) {
      resume = await storedToken(store, writer!.key, options);
      if (resume) {
        fromStore = true;
        plan = planFor(target, source.size, settings, resume);
      }
    }

    let urlRefreshes = 0;
    let session: TargetSession<TUpload> | undefined;
    let token: ResumeToken | undefined;
    const done = new Map<number, DonePart>();
    const onUrlRefresh = (event: UrlRefreshEvent) => {
      urlRefreshes++;
      if (event.replacedUploadId && token) {
        // A new upload starts with nothing stored.
        done.clear();
        saveToken({ ...token, uploadId: event.uploadId, parts: [] });
        progress.uploadId = event.uploadId;
      }
      options.onUrlRefresh?.(event);
    };
    const saveToken = (next: ResumeToken) => {
      token = next;
      writer?.save(next);
      options.onResumeToken?.(next);
    };

    if (resume) {
      const reopened = await reopenOrRestart(
        target,
        resume,
        fingerprint,
        plan,
        contentType,
        fromStore ? { ...options, onStale: 'restart' } : options,
        signal,
        onUrlRefresh,
      );
      if (reopened) {
        session = reopened;
        for (const part of resume.parts) done.set(part.number, part);
        saveToken(resume);
      } else {
        resume = undefined;
        plan = planFor(target, source.size, settings, undefined);
      }
    }
    if (!session) {
      if (signal.aborted) throw new UploadAbortedError({ reason: signal.reason });
      session = await target.create(
        { name, size: source.size, contentType, partCount: plan.partCount },
        signal,
        onUrlRefresh,
      );
      saveToken({
        version: 1,
        target: target.name,
        uploadId: session.uploadId,
        ...(session.scope ? { scope: session.scope } : {}),
        partSize: plan.partSize,
        partCount: plan.partCount,
        contentType,
        parts: [],
        fingerprint,
        createdAt: new Date().toISOString(),
      });
    }
    const live = session;
    const resumedParts = done.size;
    const progress = new ProgressTracker({
      total: source.size,
      partsTotal: plan.partCount,
      onProgress: options.onProgress,
      now: () => Date.now(),
      uploadId: live.uploadId,
    });

    try {
      const transfer = await transferParts({
        source,
        plan,
        done,
        concurrency: settings.concurrency,
        buffered: plan.partSize <= platform.maxBufferedPart,
        partUrl: (part, need, s) => live.partUrl(part, need, s),
        transport: options.transport ?? platform.defaultTransport(),
        createHasher: platform.createHasher,
        progress,
        signal,
        retry: createPartRetry({
          maxRetries: settings.maxRetries,
          initialRetryDelayMs: settings.initialRetryDelayMs,
          maxRetryDelayMs: settings.maxRetryDelayMs,
          budget: options.retryBudget ?? processBudget,
        }),
        stallTimeoutMs: settings.stallTimeoutMs,
        verifyEtags: settings.verifyEtags,
        limiter: options.partLimiter,
        maxUrlRefreshes: MAX_URL_REFRESHES,
        events: options,
        onPartDone: (part) => {
          done.set(part.number, part);
          saveToken({
            ...token!,
            uploadId: live.uploadId,
            parts: [...done.values()].sort((a, b) => a.number - b.number),
          });
        },
      });
      await live.complete(transfer.parts, signal);
      progress.finish();
      const final = await live.waitUntilProcessed(signal);
      await writer?.remove();
      return {
        target: target.name,
        upload: final,
        uploadId: live.uploadId,
        bytes: source.size,
        sha256: transfer.sha256,
        contentType,
        parts: plan.partCount,
        durationMs: Date.now() - started,
        retries: transfer.retries,
        urlRefreshes,
        resumedParts,
        resumeToken: token!,
      };
    } catch (error) {
      await writer?.flush();
      if (signal.aborted)
        throw new UploadAbortedError({ reason: signal.reason, resumeToken: token });
      throw attachResumeToken(error, token);
    }
  }

  async function reopenOrRestart<TUpload>(
    target: UploadTarget<TUpload>,
    token: ResumeToken,
    fingerprint: SourceFingerprint,
    plan: PartPlan,
    contentType: string,
    options: UploadOptions,
    signal: AbortSignal,
    onUrlRefresh: (event: UrlRefreshEvent) => void,
  ): Promise<TargetSession<TUpload> | undefined> {
    const restart = options.onStale === 'restart';
    const difference =
      token.target !== target.name
        ? { field: 'target', detail: `${token.target} then, ${target.name} now` }
        : token.contentType !== contentType
          ? { field: 'contentType', detail: `${token.contentType} then, ${contentType} now` }
          : token.partCount !== plan.partCount
            ? { field: 'partCount', detail: `${token.partCount} then, ${plan.partCount} now` }
            : fingerprintDifference(token.fingerprint, fingerprint);
    if (difference) {
      if (restart) return undefined;
      throw new ResumeTokenMismatchError(difference.field, difference.detail, token);
    }
    const reopened = await target.reopen(token, signal, onUrlRefresh);
    if ('session' in reopened) return reopened.session;
    if (restart) return undefined;
    throw new StaleResumeTokenError(token.uploadId, reopened.stale, token);
  }

  /** The store's token for this file, or `undefined` when there is none or it cannot be read. */
  async function storedToken(
    store: ResumeTokenStore,
    key: string,
    options: UploadOptions,
  ): Promise<ResumeToken | undefined> {
    let saved: unknown;
    try {
      saved = await store.get(key);
    } catch (error) {
      options.onTokenStoreError?.(error);
      return undefined;
    }
    if (saved === undefined || saved === null) return undefined;
    try {
      return parseResumeToken(saved);
    } catch (error) {
      // A damaged token cannot resume anything: the upload starts afresh and replaces it.
      options.onTokenStoreError?.(error);
      return undefined;
    }
  }
}
